/** The condition of one monitoring object: the chart's metrics switch and the object's own. */
export const metricsWhen = (metrics: string, object: 'serviceMonitor' | 'prometheusRule' | 'dashboard') =>
  `and ${metrics}.enabled ${metrics}.${object}.enabled`;
