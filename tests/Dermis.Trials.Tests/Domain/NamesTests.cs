using Dermis.Trials.Forms;
using Dermis.Trials.Locking;
using Dermis.Trials.Participants;
using Dermis.Trials.Queries;
using Dermis.Trials.Workflow;

namespace Dermis.Trials.Tests.Domain;

public sealed class NamesTests
{
    [Fact]
    public void Of_multi_word_member_is_camel_case()
    {
        Assert.Equal("lostToFollowUp", Names.Of(ParticipantStatus.LostToFollowUp));
        Assert.Equal("markLostToFollowUp", Names.Of(ParticipantAction.MarkLostToFollowUp));
        Assert.Equal("sourceVerified", Names.Of(FormStatus.SourceVerified));
        Assert.Equal("open", Names.Of(QueryState.Open));
    }

    [Fact]
    public void All_lists_members_in_declaration_order()
    {
        Assert.Equal(["open", "answered", "closed"], Names.All<QueryState>());
        Assert.Equal(["save", "complete", "sourceVerify", "sign"], Names.All<FormAction>());
    }

    [Theory]
    [InlineData("screenFailed", ParticipantStatus.ScreenFailed)]
    [InlineData("ScreenFailed", ParticipantStatus.ScreenFailed)]
    [InlineData("SCREENFAILED", ParticipantStatus.ScreenFailed)]
    [InlineData("lostToFollowUp", ParticipantStatus.LostToFollowUp)]
    public void Parse_camel_or_pascal_name_gives_member(string name, ParticipantStatus expected) =>
        Assert.Equal(expected, Names.Parse<ParticipantStatus>(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("dropped")]
    [InlineData("2")]
    [InlineData("-1")]
    [InlineData("+2")]
    public void Parse_non_member_gives_null(string? name) =>
        Assert.Null(Names.Parse<ParticipantStatus>(name));

    [Fact]
    public void Parse_round_trips_every_member_name()
    {
        foreach (var status in Enum.GetValues<ParticipantStatus>())
        {
            Assert.Equal(status, Names.Parse<ParticipantStatus>(Names.Of(status)));
        }
    }

    // Names.Parse documents "null when it is not a member". Enum.TryParse also accepts a
    // comma-separated list and ORs the values, so a request body's action "enrol,randomise"
    // (1 | 2 = 3) arrives as ParticipantAction.Complete.
    [Fact]
    public void Parse_comma_separated_names_gives_null()
    {
        Assert.Null(Names.Parse<ParticipantAction>("enrol,randomise"));
    }

    // LockState has no member 3: "frozen,locked" (1 | 2) must not parse to an undefined value that
    // Names.Of would then write as "3".
    [Fact]
    public void Parse_comma_separated_lock_states_gives_null()
    {
        Assert.Null(Names.Parse<LockState>("frozen,locked"));
    }
}
