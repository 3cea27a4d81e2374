using Dermis.Server.Auth;
using Dermis.Server.Hosting;
using Dermis.Storage.Trials;
using Microsoft.AspNetCore.Http;

namespace Dermis.Server.Sensing;

/// <summary>
/// How a paired device proves itself on the ingest routes: <c>Authorization: Device &lt;token&gt;</c> with the token
/// shown once at pairing (only its hash is stored), and a device writes only under its own serial.
/// </summary>
internal static class DeviceTokens
{
    /// <summary>The token of the request, checked before anything is read or stored.</summary>
    /// <exception cref="UnauthenticatedException">No device token was sent.</exception>
    public static string Require(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Device ", StringComparison.Ordinal)
            ? header["Device ".Length..].Trim()
            : throw new UnauthenticatedException("Device token required", "Send the token the device received when it was paired: Authorization: Device <token>.");
    }

    /// <summary>The paired device of <paramref name="token"/>, which must be <paramref name="serial"/>.</summary>
    /// <exception cref="UnauthenticatedException">The token is not a paired device's.</exception>
    /// <exception cref="ForbiddenException">The token belongs to another device.</exception>
    public static async Task<DeviceRow> FindAsync(TrialStore store, string token, string serial, CancellationToken cancellationToken)
    {
        var device = await store.FindDeviceByTokenAsync(BearerTokenHandler.HashToken(token), cancellationToken)
            ?? throw new UnauthenticatedException("Unknown device token", "The token is not a paired device's (it may have been unpaired). Pair the device again.");
        return string.Equals(device.Serial, serial, StringComparison.OrdinalIgnoreCase)
            ? device
            : throw new ForbiddenException($"This token belongs to device {device.Serial}, not {serial}: a device writes only its own data.");
    }
}
