// The two funnel indicators DORA follows, computed from the widget's events.

export interface SearchOutcome {
  opened: boolean;
  mobilised: boolean;
}

export interface FunnelFigures {
  searches: number;
  opened: number;
  mobilised: number;
}

/**
 * Attributes each sheet opening and mobilisation to the latest search. A mobilisation implies the
 * sheet was reached (a result can also be mobilised from a host's own page).
 */
export class Funnel {
  readonly outcomes: SearchOutcome[];

  constructor(outcomes: SearchOutcome[] = []) {
    this.outcomes = outcomes;
  }

  record(type: string): boolean {
    const current = this.outcomes.at(-1);
    if (type === 'dora-search') this.outcomes.push({ opened: false, mobilised: false });
    else if (type === 'dora-service-open' && current) current.opened = true;
    else if (type === 'dora-mobilise' && current) current.opened = current.mobilised = true;
    else return false;
    return true;
  }

  figures(): FunnelFigures {
    return {
      searches: this.outcomes.length,
      opened: this.outcomes.filter((o) => o.opened).length,
      mobilised: this.outcomes.filter((o) => o.mobilised).length,
    };
  }
}
