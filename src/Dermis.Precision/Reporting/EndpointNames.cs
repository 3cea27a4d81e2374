using Dermis.Precision.Responders;

namespace Dermis.Precision.Reporting;

/// <summary>The names the tables and the report print for endpoints and rules.</summary>
public static class EndpointNames
{
    /// <summary>E.g. <c>EASI-75</c>, <c>IGA 0/1</c>, <c>Itch NRS ≥4</c>.</summary>
    public static string Of(ResponderEndpoint endpoint) => endpoint switch
    {
        ResponderEndpoint.Easi50 => "EASI-50",
        ResponderEndpoint.Easi75 => "EASI-75",
        ResponderEndpoint.Easi90 => "EASI-90",
        ResponderEndpoint.IgaZeroOne => "IGA 0/1",
        ResponderEndpoint.ItchFourPoint => "Itch NRS ≥4",
        ResponderEndpoint.Hecsi75 => "HECSI-75",
        _ => endpoint.ToString(),
    };

    /// <summary><c>NRI</c> or <c>as observed</c>.</summary>
    public static string Of(IntercurrentEventRule rule) => rule switch
    {
        IntercurrentEventRule.NonResponderImputation => "NRI",
        IntercurrentEventRule.AsObserved => "as observed",
        _ => rule.ToString(),
    };
}
