/** Response and input schemas of the neighbourhood analysis (tag Wijkanalyse). */
import { z } from 'zod';
import { DOMAINS, LOCAL_INDICATOR_KEY_PATTERN } from '../../core/analysis/indicator.ts';

export const domain = z.enum(DOMAINS);
export const direction = z.enum(['higher_is_better', 'higher_is_worse', 'neutral']);
export const kind = z.enum(['count', 'percentage', 'average', 'code']);
export const level = z.enum(['NL', 'GM', 'WK', 'BU']);
export const year = z.coerce
  .number()
  .int('moet een jaartal zijn')
  .min(1990, 'vanaf 1990')
  .max(2100, 'tot en met 2100');
export const municipalityCode = z.string().regex(/^GM\d{4}$/, 'moet een gemeentecode zijn (GMnnnn)');
export const indicatorKey = z
  .string()
  .regex(/^[a-z0-9_]{1,128}$/, 'moet een indicatorsleutel zijn (kleine letters, cijfers, _)');
export const worstShare = z.coerce.number().gt(0, 'groter dan 0').lt(1, 'kleiner dan 1');
const regionCodePattern = /^(NL00|GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})$/;
/** A comma-separated list of CBS region codes in a query string. */
export const regionList = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((code) => code.trim().toUpperCase())
      .filter((code) => code !== ''),
  )
  .pipe(
    z
      .array(z.string().regex(regionCodePattern, 'moet een CBS-gebiedscode zijn'))
      .min(1, 'noem minstens één gebied')
      .max(500),
  );

export const provenanceSchema = z
  .object({
    regionCode: z.string(),
    indicatorKey: z.string(),
    year: z.number().int(),
    fileName: z.string().nullable(),
    tableId: z.string().optional(),
    row: z.number().int().nullable(),
    column: z.string().nullable(),
    status: z.enum(['ok', 'missing', 'secret', 'absent']),
  })
  .describe('Herkomst van een cijfer: bestand, CBS-tabel, rij en kolom (Bron: CBS)')
  .meta({ id: 'FigureProvenance' });

export const indicatorSchema = z
  .object({
    key: z.string(),
    title: z.string(),
    definition: z.string(),
    unit: z.string(),
    domain: domain.nullable(),
    domainLabel: z.string().nullable(),
    direction,
    kind,
    base: z.object({ keys: z.array(z.string()), isExact: z.boolean(), note: z.string() }).nullable(),
    notAggregatableReason: z.string().nullable(),
    origin: z.enum(['cbs_metadata', 'curated', 'derived', 'file', 'local']),
    source: z.object({ tableId: z.string().optional(), key: z.string().optional() }).nullable(),
    derivation: z
      .object({ numerator: z.string(), denominator: z.array(z.string()), scale: z.number() })
      .nullable(),
    municipalityCode: z
      .string()
      .nullable()
      .describe('Eigen indicator van deze gemeente; null voor CBS-indicatoren'),
  })
  .meta({ id: 'Indicator' });

export const localIndicatorInput = z.object({
  key: z
    .string()
    .regex(LOCAL_INDICATOR_KEY_PATTERN, 'kleine letters, cijfers en _, beginnend met een letter'),
  title: z.string().trim().min(3, 'minstens 3 tekens').max(300),
  definition: z.string().max(5000).default(''),
  unit: z.string().trim().min(1, 'eenheid is verplicht').max(100),
  domain: domain.nullable(),
  direction,
  kind,
  baseKeys: z.array(indicatorKey).max(10).optional(),
  municipalityCode: municipalityCode.optional(),
});

export const yearSchema = z
  .object({
    year: z.number().int(),
    imports: z.number().int(),
    municipalities: z.number().int(),
    wijken: z.number().int(),
    buurten: z.number().int(),
  })
  .meta({ id: 'AnalysisYear' });

export const regionSchema = z
  .object({
    code: z.string(),
    name: z.string().nullable(),
    level,
    parentCode: z.string().nullable(),
    year: z.number().int(),
  })
  .meta({ id: 'Region' });

const positionSchema = z
  .object({
    n: z.number().int(),
    rank: z.number().int(),
    percentile: z.number(),
    worstPercentile: z.number().nullable(),
  })
  .nullable();
const comparisonSchema = z.object({
  value: z.number().nullable(),
  coverage: z.number(),
  method: z.string(),
  parts: z.number().int(),
});

export const areaProfileSchema = z
  .object({
    name: z.string(),
    regions: z.array(
      z.object({ code: z.string(), name: z.string().nullable(), level, year: z.number().int() }),
    ),
    year: z.number().int(),
    municipalityCode: z.string().nullable(),
    attribution: z.string(),
    indicators: z.array(
      z.object({
        key: z.string(),
        title: z.string(),
        unit: z.string(),
        kind,
        domain: domain.nullable(),
        direction,
        value: z.number().nullable(),
        coverage: z.number().describe('Deel van het gebied (0-1) waarover de waarde gaat'),
        method: z.string(),
        municipalityValue: z.number().nullable(),
        countryValue: z.number().nullable(),
        countryNote: z.string().optional().describe('Waarom er geen landelijk cijfer is'),
        municipality: comparisonSchema.nullable(),
        country: comparisonSchema,
        percentileInCountry: z.number().nullable(),
        percentileInMunicipality: z.number().nullable(),
        positionInCountry: positionSchema,
        positionInMunicipality: positionSchema,
        provenance: z.array(provenanceSchema),
      }),
    ),
  })
  .meta({ id: 'AreaProfile' });

const pointSchema = z.object({
  year: z.number().int(),
  value: z.number().nullable(),
  coverage: z.number(),
  method: z.string(),
  parts: z.number().int(),
  provenance: z.array(provenanceSchema),
});
const developmentSchema = z.object({
  points: z.array(pointSchema),
  breaks: z.array(
    z.object({
      year: z.number().int(),
      reason: z.enum(['boundary_changed', 'code_changed', 'parts_changed']),
      regionCodes: z.array(z.string()),
    }),
  ),
  segments: z.array(z.object({ fromYear: z.number().int(), toYear: z.number().int() })),
});

export const seriesSchema = z
  .object({
    indicator: indicatorSchema,
    areaName: z.string(),
    regionCodes: z.array(z.string()),
    municipalityCode: z.string().nullable(),
    years: z.array(z.number().int()),
    area: developmentSchema,
    municipality: developmentSchema.nullable(),
    country: developmentSchema,
    attribution: z.string(),
  })
  .meta({ id: 'IndicatorSeries' });

export const rankingSchema = z
  .object({
    indicator: indicatorSchema,
    year: z.number().int(),
    municipalityCode: z.string(),
    municipalityName: z.string().nullable(),
    municipalityValue: z.number().nullable(),
    countryValue: z.number().nullable(),
    n: z.number().int(),
    nInCountry: z.number().int(),
    buurten: z.array(
      z.object({
        code: z.string(),
        name: z.string().nullable(),
        value: z.number().nullable(),
        status: z.enum(['ok', 'missing', 'secret', 'absent']),
        rank: z.number().int().nullable().describe('1 = slechtste (bij neutrale indicatoren: hoogste)'),
        percentileInMunicipality: z.number().nullable(),
        worstPercentileInMunicipality: z.number().nullable(),
        rankInCountry: z.number().int().nullable(),
        percentileInCountry: z.number().nullable(),
        provenance: z.array(provenanceSchema),
      }),
    ),
    attribution: z.string(),
  })
  .meta({ id: 'BuurtRanking' });

const driverSchema = z.object({
  key: z.string(),
  domain,
  value: z.number(),
  rank: z.number().int(),
  n: z.number().int(),
  worstPercentile: z.number(),
});
const regionAccumulationSchema = z.object({
  regionCode: z.string(),
  name: z.string().nullable(),
  domainCount: z.number().int(),
  domains: z.array(domain),
  drivers: z.array(driverSchema),
});
const accumulationBase = {
  year: z.number().int(),
  worstShare: z.number(),
  scope: z.enum(['country', 'municipality']),
  indicatorKeys: z.array(z.string()),
  domainsConsidered: z.array(domain),
  buurten: z.array(regionAccumulationSchema),
  attribution: z.string(),
};

export const municipalityAccumulationSchema = z
  .object({ ...accumulationBase, municipalityCode: z.string() })
  .meta({ id: 'MunicipalityAccumulation' });

export const areaAccumulationSchema = z
  .object({
    ...accumulationBase,
    area: z.object({
      regionCode: z.string(),
      name: z.string(),
      areaCodes: z.array(z.string()),
      domainCount: z.number().int(),
      domains: z.array(domain),
      drivers: z.array(driverSchema),
    }),
  })
  .meta({ id: 'AreaAccumulation' });

const signalSchema = z.object({
  indicatorKey: z.string(),
  title: z.string(),
  unit: z.string(),
  domain: domain.nullable(),
  direction,
  fromYear: z.number().int().nullable(),
  toYear: z.number().int().nullable(),
  areaSlope: z.number().nullable(),
  municipalitySlope: z.number().nullable(),
  excess: z.number().nullable(),
  spread: z.number().nullable(),
  score: z.number().nullable(),
  comparisonBuurten: z.number().int(),
  isSignal: z.boolean(),
  reason: z.string().optional(),
});

export const earlySignalsSchema = z
  .object({
    areaName: z.string(),
    regionCodes: z.array(z.string()),
    municipalityCode: z.string(),
    method: z.string().describe('Uitleg van de methode (Nederlands)'),
    signals: z.array(signalSchema),
    evaluated: z.array(signalSchema),
    attribution: z.string(),
  })
  .meta({ id: 'EarlySignals' });

export const mapSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        geometry: z.object({}).catchall(z.unknown()).describe('GeoJSON Polygon of MultiPolygon in WGS84'),
        properties: z.object({
          code: z.string(),
          name: z.string().nullable(),
          value: z.number().nullable(),
          status: z.enum(['ok', 'missing', 'secret', 'absent']),
          provenance: provenanceSchema.nullable(),
        }),
      }),
    ),
    indicator: indicatorSchema,
    year: z.number().int(),
    geometryYear: z.number().int().nullable().describe('Jaar van de gebruikte grenzen'),
    municipalityCode: z.string(),
    withoutGeometry: z.array(z.string()),
    attribution: z.string(),
  })
  .meta({ id: 'BuurtMap' });

export const interpretationSchema = z
  .object({
    id: z.number().int(),
    indicatorKey: z.string(),
    year: z.number().int(),
    regionCodes: z.array(z.string()),
    text: z.string(),
    authorName: z.string(),
    organisationName: z.string(),
    notedOn: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Interpretation' });

export const importSchema = z
  .object({
    importId: z.string(),
    outcome: z.enum(['created', 'replaced', 'unchanged']),
    fileName: z.string(),
    format: z.string(),
    year: z.number().int(),
    tableId: z.string().nullable(),
    sha256: z.string(),
    importedAt: z.string(),
    report: z
      .object({})
      .catchall(z.unknown())
      .describe(
        'Importrapport: rijen, gebieden, indicatoren, lege cellen, genegeerde kolommen, geschreven waarden',
      ),
    importedBy: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
  })
  .meta({ id: 'DataImport' });
