namespace Dermis.Server.Web.Charts;

/// <summary>The shape of a series' point markers; see <see cref="ChartPalette.Shape"/>.</summary>
internal enum MarkerShape
{
    Circle,
    Square,
    TriangleUp,
    Diamond,
    TriangleDown,
}
