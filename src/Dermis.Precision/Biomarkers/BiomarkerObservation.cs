namespace Dermis.Precision.Biomarkers;

/// <summary>One paired measurement of a biomarker and a clinical outcome for a participant at a time.</summary>
/// <param name="Subject">Participant identifier (observations with the same value are repeated measures).</param>
/// <param name="Time">Time of the measurement, days or weeks (the unit only scales the time coefficient).</param>
/// <param name="Biomarker">Biomarker value, for example nightly scratch minutes, a sweat cytokine or a cell-type proportion.</param>
/// <param name="Outcome">Outcome value at the same time, for example EASI or a biopsy readout.</param>
public sealed record BiomarkerObservation(string Subject, double Time, double Biomarker, double Outcome);
