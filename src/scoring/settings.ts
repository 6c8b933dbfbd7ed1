// Every number of the scoring method (docs/scoring.md section 9), in one place, so the settings
// panel can change them and the "how was this computed" view can show them.

export interface ScoringSettings {
  /** Weights of the basic and characteristic indices in the composite. */
  basicShare: number;
  characteristicShare: number;
  /** Below this share of total weight with data, an entity is 数据不足 and gets no stars. */
  minCoverage: number;
  /** Composite thresholds for five, four, three and two stars; below the last, one star. */
  starThresholds: readonly [number, number, number, number];
  /** A projection short of the target by less than this share of the target is "at risk". */
  atRiskShare: number;
  /** How many of the latest points the trend line is fitted to. */
  trendPoints: number;
}

export const DEFAULT_SETTINGS: ScoringSettings = {
  basicShare: 0.8,
  characteristicShare: 0.2,
  minCoverage: 0.6,
  starThresholds: [90, 80, 70, 60],
  atRiskShare: 0.05,
  trendPoints: 5,
};
