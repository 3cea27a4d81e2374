using Dermis.Sensing.Sleep;

namespace Dermis.Sensing.Tests.Sleep;

public sealed class WebsterRescoringTests
{
    [Fact]
    public void Apply_rules_abc_reproduces_skdh_rescored_minutes_570_to_1109_exactly()
    {
        var v = SkdhSleepVectors.Load();
        var sleep = ColeKripke.Classify(v.ActivityIndex);

        // SKDH rescores the whole series and compares the slice [570:1110].
        var rescored = WebsterRescoring.Apply(sleep, WebsterRules.A | WebsterRules.B | WebsterRules.C);

        int compared = 0, changed = 0;
        for (int t = 0; t < rescored.Length; t++)
        {
            if (v.SleepRescoredAbc[t] is bool expected)
            {
                Assert.True(expected == rescored[t], $"minute {t}: expected {(expected ? "sleep" : "wake")}");
                compared++;
                changed += sleep[t] != rescored[t] ? 1 : 0;
            }
        }

        Assert.Equal(540, compared);
        Assert.True(changed > 0, "the window must exercise the rescoring");
    }

    [Fact]
    public void Apply_with_rule_d_differs_from_skdh_vector_because_skdh_rule_d_never_fires()
    {
        var v = SkdhSleepVectors.Load();
        var sleep = ColeKripke.Classify(v.ActivityIndex);

        var abcd = WebsterRescoring.Apply(sleep, WebsterRules.Skdh | WebsterRules.D);

        int differ = 0;
        for (int t = SkdhSleepVectors.RescoredFirstMinute; t < SkdhSleepVectors.RescoredEndMinute; t++)
        {
            differ += abcd[t] != v.SleepRescoredAbc[t] ? 1 : 0;
        }

        // Webster's rule (d) (sleep ≤ 6 min with ≥ 10 min of wake on both sides) changes 1 of the 540 minutes.
        // biomarkers.md §1.6 says 24: that is SKDH's mask made boolean, which rescores every sleep bout ≤ 6 min more
        // than 10 min from the record's ends without looking at the wake around it (checked with numpy).
        Assert.Equal(1, differ);
    }

    [Theory]
    [InlineData("WWWSSS", "WWWSSS")]          // 3 min wake: no rule
    [InlineData("WWWWSSS", "WWWWWSS")]        // (a) 4 min wake → 1 min
    [InlineData("WWWWWWWWWSSSSS", "WWWWWWWWWWSSSS")] // 9 min: still (a)
    [InlineData("WWWWWWWWWWSSSSS", "WWWWWWWWWWWWWSS")] // (b) 10 min → 3 min
    [InlineData("WWWWWWWWWWWWWWWSSSSSS", "WWWWWWWWWWWWWWWWWWWSS")] // (c) 15 min → 4 min
    public void Apply_rules_abc_rescore_the_sleep_after_long_wake(string input, string expected)
    {
        Assert.Equal(expected, Format(WebsterRescoring.Apply(Parse(input), WebsterRules.Skdh)));
    }

    [Fact]
    public void Apply_rule_a_alone_rescores_one_minute_even_after_long_wake()
    {
        Assert.Equal("WWWWWWWWWWWWWWWWSSS", Format(WebsterRescoring.Apply(Parse("WWWWWWWWWWWWWWWSSSS"), WebsterRules.A)));
    }

    [Fact]
    public void Apply_rule_c_rescores_the_next_four_epochs_and_they_count_as_wake_afterwards()
    {
        // SKDH semantics: rule (c) turns epochs 15–18 to wake; epochs 16–18 then count with the original wake epoch 19
        // as a 4-epoch wake run, so rule (a) rescores epoch 20 as well.
        Assert.Equal("WWWWWWWWWWWWWWWWWWWWWSS", Format(WebsterRescoring.Apply(Parse("WWWWWWWWWWWWWWWSSSSWSSS"), WebsterRules.Skdh)));
    }

    [Fact]
    public void Apply_rule_d_rescores_short_sleep_surrounded_by_ten_minutes_of_wake()
    {
        string wake10 = new('W', 10), wake9 = new('W', 9);

        // ≤ 6 min sleep between ≥ 10 min wake on both sides → wake.
        Assert.Equal(wake10 + "WWWWWW" + wake10, Format(WebsterRescoring.Apply(Parse(wake10 + "SSSSSS" + wake10), WebsterRules.D)));

        // 7 min of sleep is too long for (d).
        Assert.Equal(wake10 + "SSSSSSS" + wake10, Format(WebsterRescoring.Apply(Parse(wake10 + "SSSSSSS" + wake10), WebsterRules.D)));

        // Only 9 min of wake after the bout: kept.
        Assert.Equal(wake10 + "SSS" + wake9 + "S", Format(WebsterRescoring.Apply(Parse(wake10 + "SSS" + wake9 + "S"), WebsterRules.D)));

        // A bout at the start of the record has no wake before it: kept.
        Assert.Equal("SSS" + wake10, Format(WebsterRescoring.Apply(Parse("SSS" + wake10), WebsterRules.D)));
    }

    [Fact]
    public void Apply_rule_e_rescores_sleep_up_to_ten_minutes_surrounded_by_twenty_minutes_of_wake()
    {
        string wake20 = new('W', 20), wake19 = new('W', 19), sleep10 = new('S', 10);

        Assert.Equal(wake20 + new string('W', 10) + wake20, Format(WebsterRescoring.Apply(Parse(wake20 + sleep10 + wake20), WebsterRules.E)));
        Assert.Equal(wake20 + sleep10 + "S" + wake20, Format(WebsterRescoring.Apply(Parse(wake20 + sleep10 + "S" + wake20), WebsterRules.E)));
        Assert.Equal(wake19 + sleep10 + wake20, Format(WebsterRescoring.Apply(Parse(wake19 + sleep10 + wake20), WebsterRules.E)));

        // (d) alone would not touch a 10-min bout.
        Assert.Equal(wake20 + sleep10 + wake20, Format(WebsterRescoring.Apply(Parse(wake20 + sleep10 + wake20), WebsterRules.D)));
    }

    [Fact]
    public void Apply_rules_d_then_e_lets_e_see_the_wake_that_d_created()
    {
        // 12 W, 3 S, 10 W, 8 S, 25 W: (d) removes the 3-min bout, which joins 12 + 3 + 10 = 25 min of wake before the
        // 8-min bout, which (e) then removes.
        string input = new string('W', 12) + "SSS" + new string('W', 10) + new string('S', 8) + new string('W', 25);

        var output = WebsterRescoring.Apply(Parse(input), WebsterRules.D | WebsterRules.E);

        Assert.DoesNotContain(true, output);
        Assert.Contains(true, WebsterRescoring.Apply(Parse(input), WebsterRules.E));
    }

    [Fact]
    public void Apply_does_not_change_its_input_and_rejects_undefined_flags()
    {
        var input = Parse("WWWWWWWWWWWWWWWSSSS");
        var copy = (bool[])input.Clone();

        WebsterRescoring.Apply(input, WebsterRules.All);

        Assert.Equal(copy, input);
        Assert.Throws<ArgumentOutOfRangeException>(() => WebsterRescoring.Apply(input, (WebsterRules)64));
    }

    private static bool[] Parse(string s) => [.. s.Select(c => c == 'S')];

    private static string Format(bool[] sleep) => new([.. sleep.Select(s => s ? 'S' : 'W')]);
}
