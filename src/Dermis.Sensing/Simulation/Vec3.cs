namespace Dermis.Sensing.Simulation;

/// <summary>A 3-vector in double precision for orientation and oscillation directions of the simulator.</summary>
internal readonly record struct Vec3(double X, double Y, double Z)
{
    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Vec3 operator *(double s, Vec3 a) => new(s * a.X, s * a.Y, s * a.Z);

    public double Dot(Vec3 b) => (X * b.X) + (Y * b.Y) + (Z * b.Z);

    public Vec3 Cross(Vec3 b) => new((Y * b.Z) - (Z * b.Y), (Z * b.X) - (X * b.Z), (X * b.Y) - (Y * b.X));

    public double Length => Math.Sqrt(Dot(this));

    public Vec3 Normalized() => (1.0 / Length) * this;

    /// <summary>Rotates this vector by <paramref name="angle"/> rad about the unit <paramref name="axis"/> perpendicular to it (Rodrigues).</summary>
    public Vec3 RotatedAboutPerpendicular(Vec3 axis, double angle) => (Math.Cos(angle) * this) + (Math.Sin(angle) * axis.Cross(this));
}
