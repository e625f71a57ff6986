/** The settings of an MKBA case: name, price level, discounting and horizon; editable or as text. */
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Fieldset,
  FieldsetLegend,
} from '@utrecht/component-library-react';
import { TextField } from '../../components/fields.tsx';
import { formatPercent } from './cba-format.ts';
import type { SettingField, SettingsDraft } from './case-draft.ts';
import { settingId } from './case-problems.ts';

const FIELDS: { field: SettingField; label: string; description: string; numeric: boolean }[] = [
  { field: 'name', label: 'Naam van de MKBA', description: '', numeric: false },
  {
    field: 'priceBaseYear',
    label: 'Prijspeil (jaar)',
    description: 'Bedragen in prijzen van dit jaar.',
    numeric: true,
  },
  {
    field: 'discountBaseYear',
    label: 'Basisjaar contante waarde',
    description: 'Alles contant naar dit jaar.',
    numeric: true,
  },
  {
    field: 'discountRate',
    label: 'Discontovoet (%)',
    description: 'Reëel; standaard 2,25%.',
    numeric: true,
  },
  { field: 'startYear', label: 'Eerste jaar', description: 'Begin van de horizon.', numeric: true },
  { field: 'endYear', label: 'Laatste jaar', description: 'Einde van de horizon.', numeric: true },
];

export function SettingsEditor({
  settings,
  onChange,
  errorOf,
}: {
  settings: SettingsDraft;
  onChange: (next: SettingsDraft) => void;
  errorOf: (fieldId: string) => string | undefined;
}) {
  return (
    <Fieldset className="wk-cba-settings">
      <FieldsetLegend className="wk-visually-hidden">Uitgangspunten</FieldsetLegend>
      {FIELDS.map(({ field, label, description, numeric }) => (
        <TextField
          key={field}
          id={settingId(field)}
          label={label}
          description={description || undefined}
          value={settings[field]}
          inputMode={numeric ? (field === 'discountRate' ? 'text' : 'numeric') : undefined}
          className={field === 'name' ? 'wk-cba-settings__name' : 'wk-cba-settings__number'}
          error={errorOf(settingId(field))}
          onChange={(value) => onChange({ ...settings, [field]: value })}
        />
      ))}
    </Fieldset>
  );
}

export function SettingsView({
  settings,
}: {
  settings: {
    priceBaseYear: number;
    discountBaseYear: number;
    discountRate: number;
    startYear: number;
    endYear: number;
  };
}) {
  const rows: [string, string][] = [
    ['Prijspeil', `${settings.priceBaseYear} (reële euro’s, zonder inflatie)`],
    ['Basisjaar contante waarde', String(settings.discountBaseYear)],
    ['Discontovoet', `${formatPercent(settings.discountRate)} (reëel)`],
    ['Horizon', `${settings.startYear} tot en met ${settings.endYear}`],
  ];
  return (
    <DataList className="wk-meta wk-cba-settings-view">
      {rows.map(([key, value]) => (
        <DataListItem key={key}>
          <DataListKey>{key}</DataListKey>
          <DataListValue>{value}</DataListValue>
        </DataListItem>
      ))}
    </DataList>
  );
}
