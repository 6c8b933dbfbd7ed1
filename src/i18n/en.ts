import type zh from './zh-CN';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

const en: Messages<typeof zh> = {
  app: {
    title: 'High-Quality Development Dashboard',
    subtitle: 'Party-building-led high-quality development',
    skipToContent: 'Skip to main content',
    language: 'Language',
    switchTo: '中文',
    sample: 'Sample data',
    sampleNote: 'Sample data is synthetic, for demonstration only, and describes no real place.',
  },
  nav: { overview: 'Overview', label: 'Main navigation' },
  engine: {
    starting: 'Starting the analysis engine…',
    downloading: 'Loading the analysis engine {loaded} / {total}',
    loadingData: 'Loading the sample data…',
    failedTitle: 'The analysis engine could not start',
    failedHelp: 'Reload the page to try again. If it keeps failing, use a current Chrome, Edge or Firefox.',
    retry: 'Reload',
    details: 'Technical details',
  },
  overview: {
    title: 'Overview',
    indicator: 'Indicator',
    period: 'Year',
    datasets: 'Datasets',
    datasetCount: '{n} datasets',
    kpis: 'City headline indicators',
    trendTitle: '{indicator} · trend by {level}',
    rankingTitle: '{indicator} · {level} ranking, {year}',
    noData: 'The datasets in view have no data for this indicator in this period.',
    source: 'Source: {sources}.',
    latestNote: 'Each value is the latest period at or before the selected year.',
  },
  kpi: {
    previous: 'vs {period}',
    flat: 'flat',
    better: 'improving',
    worse: 'worsening',
    target: 'Target {target}',
    targetYear: 'Target {target} by {year}',
    noTarget: 'No target',
    attainment: '{pct} attained',
    met: 'Target met',
    near: 'Near target',
    below: 'Below target',
    noPrevious: 'No previous period',
    select: 'Show trend and ranking of {name}',
  },
  level: { city: 'city', district: 'district', town: 'town', village: 'village', branch: 'branch', region: 'region', entity: 'entity' },
  period: { half1: 'H1 {year}', half2: 'H2 {year}', quarter: 'Q{q} {year}', month: '{m}/{year}', year: '{year}' },
  category: { industry: 'Industry', satisfaction: 'Satisfaction', coverage: 'Coverage', income: 'Village income', other: 'Other' },
  chart: { target: 'Target {value}', lowerBetter: 'lower is better', tableView: 'Table' },
};

export default en;
