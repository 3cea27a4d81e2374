namespace Dermis.Sensing.Simulation;

/// <summary>Draws for the simulator from one seeded <see cref="Random"/>, so a seed fixes the whole night.</summary>
internal sealed class SimulationRandom(int seed)
{
    private readonly Random _random = new(seed);
    private double _spare;
    private bool _hasSpare;

    public double Uniform() => _random.NextDouble();

    public double Uniform(double low, double high) => low + ((high - low) * _random.NextDouble());

    public int Next(int exclusiveMax) => _random.Next(exclusiveMax);

    public double LogUniform(double low, double high) => Math.Exp(Uniform(Math.Log(low), Math.Log(high)));

    /// <summary>Exponential waiting time with rate <paramref name="ratePerSecond"/>.</summary>
    public double Exponential(double ratePerSecond) => -Math.Log(1.0 - _random.NextDouble()) / ratePerSecond;

    /// <summary>Standard normal by the Box–Muller transform (pairs cached).</summary>
    public double Gaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        double u1 = 1.0 - _random.NextDouble(), u2 = _random.NextDouble();
        double r = Math.Sqrt(-2.0 * Math.Log(u1));
        (double s, double c) = Math.SinCos(2.0 * Math.PI * u2);
        _spare = r * s;
        _hasSpare = true;
        return r * c;
    }

    /// <summary>Log-normal with mean 1 and coefficient of variation <paramref name="cv"/>.</summary>
    public double LogNormalMeanOne(double cv)
    {
        double sigma2 = Math.Log(1.0 + (cv * cv));
        return Math.Exp((-sigma2 / 2.0) + (Math.Sqrt(sigma2) * Gaussian()));
    }

    /// <summary>A uniformly distributed unit vector.</summary>
    public Vec3 UnitVector()
    {
        double z = Uniform(-1, 1), phi = Uniform(0, 2 * Math.PI), r = Math.Sqrt(1 - (z * z));
        return new Vec3(r * Math.Cos(phi), r * Math.Sin(phi), z);
    }

    /// <summary>A unit vector perpendicular to <paramref name="v"/>, uniformly oriented around it.</summary>
    public Vec3 PerpendicularTo(Vec3 v)
    {
        while (true)
        {
            var c = v.Cross(UnitVector());
            if (c.Length > 1e-3)
            {
                return c.Normalized();
            }
        }
    }
}
