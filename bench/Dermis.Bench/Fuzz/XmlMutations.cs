namespace Dermis.Bench.Fuzz;

/// <summary>
/// XML-specific attacks on an ODM file: entity expansion ("billion laughs"), an external entity, a
/// thousand-deep element nesting, a duplicated attribute, an unclosed element, a foreign root namespace,
/// a declared encoding that the bytes do not have, and a processing instruction in the middle.
/// </summary>
internal static class XmlMutations
{
    private const string Laughs = """
        <!DOCTYPE ODM [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
        <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
        <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>
        """;

    /// <summary>One XML attack applied to <paramref name="xml"/> (an ODM file with an XML declaration).</summary>
    public static string Mutate(Random random, string xml)
    {
        var root = xml.IndexOf("<ODM", StringComparison.Ordinal);
        var clinical = xml.IndexOf("<ClinicalData", StringComparison.Ordinal);
        if (root < 0 || clinical < 0)
        {
            return xml;
        }

        return random.Next(8) switch
        {
            0 => xml.Insert(root, Laughs).Replace("MDV.", "&h;MDV.", StringComparison.Ordinal),
            1 => xml.Insert(root, "<!DOCTYPE ODM [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>").Replace("MDV.", "&x;MDV.", StringComparison.Ordinal),
            2 => xml.Insert(clinical, string.Concat(Enumerable.Repeat("<n>", 5000)) + string.Concat(Enumerable.Repeat("</n>", 5000))),
            3 => xml.Replace("<SubjectData ", "<SubjectData SubjectKey=\"X\" ", StringComparison.Ordinal),
            4 => xml[..xml.LastIndexOf("</", StringComparison.Ordinal)],
            5 => xml.Replace("http://www.cdisc.org/ns/odm/v1.3", "urn:not-odm", StringComparison.Ordinal),
            6 => xml.Replace("encoding=\"UTF-8\"", "encoding=\"UTF-32\"", StringComparison.OrdinalIgnoreCase),
            _ => xml.Insert(clinical, "<?xml version=\"1.0\"?><![CDATA[" + HostileValues.Text(random).Replace("]]>", "", StringComparison.Ordinal) + "]]>"),
        };
    }
}
