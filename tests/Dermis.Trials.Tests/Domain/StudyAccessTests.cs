using Dermis.Trials.Access;

namespace Dermis.Trials.Tests.Domain;

public sealed class StudyAccessTests
{
    // The role × capability matrix, one row per role, columns in Capability declaration order:
    //                    View  Manage Enter Raise Answer Close SDV   Sign  Lock  Study Audit Randomise Unblind
    private static readonly (StudyRole Role, bool[] Grants)[] _matrix =
    [
        (StudyRole.SponsorAdmin, [true, false, false, false, false, false, false, false, true, true, true, false, false]),
        (StudyRole.DataManager, [true, false, false, true, false, true, false, false, true, false, true, false, false]),
        (StudyRole.Monitor, [true, false, false, true, false, true, true, false, false, false, true, false, false]),
        (StudyRole.Investigator, [true, true, true, false, true, false, false, true, false, false, true, true, true]),
        (StudyRole.Coordinator, [true, true, true, false, true, false, false, false, false, false, false, true, false]),
        (StudyRole.Participant, [false, false, false, false, false, false, false, false, false, false, false, false, false]),
    ];

    private static readonly Capability[] _columns =
    [
        Capability.ViewParticipants, Capability.ManageParticipants, Capability.EnterData, Capability.RaiseQuery, Capability.AnswerQuery,
        Capability.CloseQuery, Capability.SourceVerify, Capability.Sign, Capability.Lock, Capability.ManageStudy, Capability.ViewAudit,
        Capability.Randomise, Capability.Unblind,
    ];

    public static TheoryData<StudyRole, Capability, bool> Matrix
    {
        get
        {
            var data = new TheoryData<StudyRole, Capability, bool>();
            foreach (var (role, grants) in _matrix)
            {
                for (var c = 0; c < _columns.Length; c++)
                {
                    data.Add(role, _columns[c], grants[c]);
                }
            }

            return data;
        }
    }

    private static StudyAccess Access(params RoleAssignment[] assignments) => new("DERM-AD-301", "alice", assignments);

    [Fact]
    public void Matrix_covers_every_role_and_capability()
    {
        Assert.Equal(Enum.GetValues<StudyRole>(), _matrix.Select(row => row.Role));
        Assert.Equal(Enum.GetValues<Capability>(), _columns);
        Assert.All(_matrix, row => Assert.Equal(13, row.Grants.Length));
        Assert.Equal(78, Matrix.Count);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Grants_matches_access_matrix(StudyRole role, Capability capability, bool expected)
    {
        Assert.Equal(expected, RolePermissions.Grants(role, capability));
        // A study-wide assignment grants exactly the role's cells, at any site and study-wide.
        var access = Access(new RoleAssignment(role, null));
        Assert.Equal(expected, access.Can(capability, "DE01"));
        Assert.Equal(expected, access.CanStudyWide(capability));
        Assert.Equal(expected ? role : (StudyRole?)null, access.RoleFor(capability, "FR01"));
    }

    [Fact]
    public void Coordinator_at_DE01_sees_and_works_only_at_DE01()
    {
        var access = Access(new RoleAssignment(StudyRole.Coordinator, "DE01"));

        Assert.True(access.IsMember);
        Assert.True(access.CanSee("DE01"));
        Assert.False(access.CanSee("FR01"));
        Assert.True(access.Can(Capability.EnterData, "DE01"));
        Assert.False(access.Can(Capability.EnterData, "FR01"));
        Assert.False(access.Can(Capability.CloseQuery, "DE01"));
        Assert.False(access.CanStudyWide(Capability.EnterData));
        Assert.Equal(["DE01"], access.VisibleSites!);
        Assert.Equal(StudyRole.Coordinator, access.RoleFor(Capability.EnterData, "DE01"));
        Assert.Null(access.RoleFor(Capability.EnterData, "FR01"));
        Assert.Null(access.RoleFor(Capability.EnterData, null));
    }

    [Fact]
    public void Study_wide_monitor_sees_every_site()
    {
        var access = Access(new RoleAssignment(StudyRole.Monitor, null));

        Assert.True(access.CanSee("DE01"));
        Assert.True(access.CanSee("FR01"));
        Assert.Null(access.VisibleSites);
        Assert.True(access.Can(Capability.SourceVerify, "FR01"));
        Assert.True(access.CanStudyWide(Capability.SourceVerify));
        Assert.False(access.Can(Capability.EnterData, "FR01"));
        Assert.Equal(StudyRole.Monitor, access.RoleFor(Capability.CloseQuery, null));
    }

    [Fact]
    public void Any_study_wide_role_makes_visible_sites_null()
    {
        var access = Access(new RoleAssignment(StudyRole.Coordinator, "DE01"), new RoleAssignment(StudyRole.SponsorAdmin, null));

        Assert.Null(access.VisibleSites);
        Assert.True(access.CanSee("FR01"));
        // The sponsor admin sees FR01 but only the coordinator role at DE01 enters data.
        Assert.False(access.Can(Capability.EnterData, "FR01"));
        Assert.True(access.Can(Capability.EnterData, "DE01"));
    }

    [Fact]
    public void Site_roles_give_distinct_visible_sites_in_assignment_order()
    {
        var access = Access(
            new RoleAssignment(StudyRole.Coordinator, "FR01"),
            new RoleAssignment(StudyRole.Investigator, "DE01"),
            new RoleAssignment(StudyRole.Monitor, "FR01"));

        Assert.Equal(["FR01", "DE01"], access.VisibleSites!);
        Assert.False(access.CanSee("NL01"));
        Assert.True(access.Can(Capability.Sign, "DE01"));
        Assert.False(access.Can(Capability.Sign, "FR01"));
        Assert.True(access.Can(Capability.SourceVerify, "FR01"));
        Assert.False(access.Can(Capability.SourceVerify, "DE01"));
    }

    [Fact]
    public void RoleFor_picks_first_assignment_that_grants_the_capability()
    {
        var access = Access(new RoleAssignment(StudyRole.Monitor, null), new RoleAssignment(StudyRole.Investigator, "DE01"));

        // Both grant ViewAudit: the first (monitor) is recorded.
        Assert.Equal(StudyRole.Monitor, access.RoleFor(Capability.ViewAudit, "DE01"));
        Assert.Equal(StudyRole.Investigator, access.RoleFor(Capability.Sign, "DE01"));
        Assert.Null(access.RoleFor(Capability.Sign, "FR01"));
        Assert.Null(access.RoleFor(Capability.ManageStudy, "DE01"));
    }

    [Fact]
    public void Site_data_manager_locks_at_its_site_but_not_study_wide()
    {
        var access = Access(new RoleAssignment(StudyRole.DataManager, "DE01"));

        Assert.True(access.Can(Capability.Lock, "DE01"));
        Assert.False(access.Can(Capability.Lock, "FR01"));
        Assert.False(access.CanStudyWide(Capability.Lock));
        Assert.Null(access.RoleFor(Capability.Lock, null));
    }

    [Fact]
    public void No_assignments_is_not_a_member_and_sees_nothing()
    {
        var access = Access();

        Assert.False(access.IsMember);
        Assert.False(access.CanSee("DE01"));
        Assert.False(access.Can(Capability.ViewParticipants, "DE01"));
        Assert.False(access.CanStudyWide(Capability.ViewParticipants));
        Assert.Empty(access.VisibleSites!);
        Assert.Equal(("DERM-AD-301", "alice"), (access.StudyId, access.Account));
    }
}
