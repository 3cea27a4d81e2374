using System.Xml.Linq;
using Dermis.Server.Web.Dashboard;
using Dermis.Storage.Trials;
using Dermis.Trials.Protocol;

namespace Dermis.Server.Tests.Web;

/// <summary>The casebook timeline joins home diary itch with the clinic's scores.</summary>
public sealed class ParticipantTimelineTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly ProtocolDefinition Protocol = ProtocolParser.Parse(Dermis.Testing.TestProtocols.AtopicDermatitis.Replace("editChecks:", """
        diaries:
          - { id: itch, name: Evening itch, instrument: ppnrs, every: 1, from: activation, until: 113, opens: "18:00", closes: "11:00" }
        editChecks:
        """, StringComparison.Ordinal), "t.yaml");

    private static DiaryEntryRow Itch(string date, int score) => new() { DiaryId = "itch", DiaryDate = date, Data = $$"""{"worstItch":{{score}}}""" };

    [Fact]
    public void Daily_itch_from_home_is_its_own_track_with_one_marker_per_rated_day_even_before_any_visit()
    {
        var svg = ParticipantTimeline.Render(Protocol, [], [], [Itch("2026-03-02", 7), Itch("2026-03-03", 6), Itch("2026-03-05", 8)])!;

        var root = XDocument.Parse(svg).Root!;
        Assert.Contains("Daily itch, home diary (0–10)", root.Descendants(Svg + "text").Select(t => t.Value));
        // Three rated days, three markers, plus the legend key; the unrated 4 March has no marker (never a zero).
        Assert.Equal(3 + 1, root.Descendants(Svg + "circle").Count());
    }

    [Fact]
    public void Without_visits_or_diary_entries_there_is_no_timeline() =>
        Assert.Null(ParticipantTimeline.Render(Protocol, [], [], []));

    [Fact]
    public void Nightly_scratch_and_sleep_efficiency_from_the_wristband_are_two_tracks()
    {
        var svg = ParticipantTimeline.Render(Protocol, [], [], [], [(new DateOnly(2026, 3, 27), 52.0, 0.91), (new DateOnly(2026, 3, 28), 130.5, 0.84)])!;

        var texts = XDocument.Parse(svg).Root!.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("Nocturnal scratch (s per hour)", texts);
        Assert.Contains("Sleep efficiency (%)", texts);
        // The scratch scale rounds the highest night (130.5 s/h) up to the next minute, 0–180, ticked every 50: the top tick is 150.
        Assert.Contains("150", texts);
        Assert.DoesNotContain("200", texts);
    }
}
