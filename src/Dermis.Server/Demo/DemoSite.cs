namespace Dermis.Server.Demo;

/// <summary>One site of the demo network.</summary>
/// <param name="Id">Site id (country code and number, e.g. DE01).</param>
/// <param name="Name">Institution.</param>
/// <param name="Country">ISO 3166 country code.</param>
/// <param name="Region">Stratification region of the protocol (EU, NA, APAC).</param>
/// <param name="TimeZone">IANA time zone of its participants.</param>
/// <param name="Investigator">Principal investigator.</param>
/// <param name="Capacity">Planned enrolment (240 over the eight sites, the number randomised).</param>
public sealed record DemoSite(string Id, string Name, string Country, string Region, string TimeZone, string Investigator, int Capacity)
{
    /// <summary>The eight sites: four in Europe, two in North America, two in Asia–Pacific.</summary>
    public static IReadOnlyList<DemoSite> All { get; } =
    [
        new("DE01", "Charité – Universitätsmedizin Berlin, Dermatology", "DE", "EU", "Europe/Berlin", "Dr. Ines Weber", 32),
        new("FR01", "Hôpital Saint-Louis, Paris", "FR", "EU", "Europe/Paris", "Dr. Camille Laurent", 24),
        new("GB01", "St John's Institute of Dermatology, London", "GB", "EU", "Europe/London", "Dr. Oliver Hughes", 24),
        new("PL01", "Medical University of Warsaw, Dermatology", "PL", "EU", "Europe/Warsaw", "Dr. Anna Kowalska", 20),
        new("US01", "Massachusetts General Hospital, Boston", "US", "NA", "America/New_York", "Dr. Sarah Mitchell", 36),
        new("CA01", "Women's College Hospital, Toronto", "CA", "NA", "America/Toronto", "Dr. Daniel Tremblay", 28),
        new("JP01", "University of Tokyo Hospital, Dermatology", "JP", "APAC", "Asia/Tokyo", "Dr. Haruto Sato", 36),
        new("AU01", "Royal Prince Alfred Hospital, Sydney", "AU", "APAC", "Australia/Sydney", "Dr. Chloe Nguyen", 40),
    ];
}
