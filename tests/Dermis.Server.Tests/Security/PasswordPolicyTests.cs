using Dermis.Server.Auth;

namespace Dermis.Server.Tests.Security;

/// <summary>The password rule (ASVS V2.1.1, V2.1.7): each case with the message the API and the CLI show.</summary>
public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("ada", null, "is required: at least 12 characters")]
    [InlineData("ada", "", "is required: at least 12 characters")]
    [InlineData("ada", "elevenchars", "must have at least 12 characters; it has 11")]
    [InlineData("ines.weber", "my name is INES.WEBER!", "must not contain the user name")]
    [InlineData("ada", "Password2024!", "is one of the most commonly used passwords (or one with digits or symbols added); choose another")]
    [InlineData("ada", "!!qwertyuiop!!", "is one of the most commonly used passwords (or one with digits or symbols added); choose another")]
    [InlineData("ada", "123456789012", "is one of the most commonly used passwords (or one with digits or symbols added); choose another")]
    [InlineData("ada", "210987654321", "is one of the most commonly used passwords (or one with digits or symbols added); choose another")]
    [InlineData("ada", "aaaaaaaaaaaa", "is one of the most commonly used passwords (or one with digits or symbols added); choose another")]
    [InlineData("ada", "qwertyqwerty", "is one of the most commonly used passwords (or one with digits or symbols added); choose another")]
    [InlineData("ada", "iloveyou12345", "is one of the most commonly used passwords (or one with digits or symbols added); choose another")]
    [InlineData("ada", "correct horse battery", null)]
    [InlineData("ada", "0123456789abc", null)]
    [InlineData("ada", "839201746592", null)]
    [InlineData(null, "violet meadow lantern", null)]
    public void Violation_names_the_rule_broken(string? username, string? password, string? expected) =>
        Assert.Equal(expected, PasswordPolicy.Violation(username, password));

    [Fact]
    public void Require_throws_with_field_and_rule()
    {
        var error = Assert.Throws<ArgumentException>(() => PasswordPolicy.Require("ada", "short"));
        Assert.Equal("password", error.ParamName);
        Assert.StartsWith("password must have at least 12 characters; it has 5.", error.Message, StringComparison.Ordinal);
    }
}
