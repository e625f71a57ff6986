/**
 * Variables a file carries that the catalogue does not know become new indicators (never dropped):
 * a key derived from their name, the title and unit the file gives, a first classification by
 * infer-indicator.ts, and a definition that says where they came from.
 */
import type { Indicator, IndicatorAliases } from '../analysis/indicator.ts';
import type { IndicatorCatalogue } from '../analysis/indicator-catalogue.ts';
import { inferIndicator } from '../analysis/infer-indicator.ts';

export class NewIndicators {
  private readonly created = new Map<string, Indicator>();
  private readonly byOrigin = new Map<string, Indicator>();

  constructor(
    private readonly catalogue: IndicatorCatalogue,
    private readonly fileName: string,
  ) {}

  /** Returns the indicator for an unknown variable, creating it once per `originName`. */
  obtain(input: {
    originName: string;
    key: string;
    title: string;
    leafTitle?: string;
    unit: string;
    groupPath?: readonly string[];
    aliases?: Partial<IndicatorAliases>;
  }): Indicator {
    const existing = this.byOrigin.get(input.originName);
    if (existing !== undefined) return existing;
    const key = this.makeUniqueKey(input.key);
    const indicator = inferIndicator({
      key,
      title: input.title,
      ...(input.leafTitle !== undefined ? { leafTitle: input.leafTitle } : {}),
      unit: input.unit,
      groupPath: input.groupPath ?? [],
      origin: 'file',
      definition: `Nieuwe variabele uit ${this.fileName} (${input.originName}); nog niet door een gebruiker ingedeeld.`,
    });
    indicator.aliases = { ...indicator.aliases, ...input.aliases };
    this.created.set(key, indicator);
    this.byOrigin.set(input.originName, indicator);
    return indicator;
  }

  list(): Indicator[] {
    return [...this.created.values()];
  }

  private makeUniqueKey(wanted: string): string {
    let key = wanted;
    for (let n = 2; this.catalogue.get(key) !== undefined || this.created.has(key); n++)
      key = `${wanted}_${n}`;
    return key;
  }
}
