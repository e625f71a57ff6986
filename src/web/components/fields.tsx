/**
 * Form fields built from NL Design System parts, each with a label, an optional description and an
 * error message tied to the input with aria-describedby (WCAG 1.3.1, 3.3.1, 3.3.2).
 */
import type { ChangeEvent, ReactNode } from 'react';
import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';

function describedBy(id: string, description: ReactNode, error: string | undefined): string | undefined {
  const ids = [description ? `${id}-beschrijving` : null, error ? `${id}-fout` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Description({ id, children }: { id: string; children: ReactNode }) {
  return children ? <FormFieldDescription id={`${id}-beschrijving`}>{children}</FormFieldDescription> : null;
}

function ErrorMessage({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <FormFieldErrorMessage id={`${id}-fout`}>
      <span className="wk-visually-hidden">Fout: </span>
      {error}
    </FormFieldErrorMessage>
  ) : null;
}

export interface TextFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  error?: string | undefined;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'email' | 'password' | 'date' | 'url' | 'number';
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'url' | 'email';
  readOnly?: boolean;
  disabled?: boolean;
  className?: string;
  spellCheck?: boolean;
}

export function TextField(props: TextFieldProps) {
  const {
    id,
    label,
    value,
    onChange,
    description,
    error,
    multiline,
    rows = 4,
    type = 'text',
    required,
    autoComplete,
    inputMode,
    readOnly,
    disabled,
    className,
    spellCheck,
  } = props;
  const common = {
    id,
    value,
    invalid: Boolean(error),
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, description, error),
    required,
    readOnly,
    disabled,
    spellCheck,
  };
  return (
    <FormField
      invalid={Boolean(error)}
      className={className}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={description ? <Description id={id}>{description}</Description> : undefined}
      errorMessage={error ? <ErrorMessage id={id} error={error} /> : undefined}
      input={
        multiline ? (
          <Textarea
            {...common}
            rows={rows}
            onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
          />
        ) : (
          <Textbox
            {...common}
            type={type}
            autoComplete={autoComplete}
            inputMode={inputMode}
            onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
          />
        )
      }
    />
  );
}

export function SelectField(props: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  description?: ReactNode;
  error?: string | undefined;
}) {
  const { id, label, value, onChange, options, description, error } = props;
  return (
    <FormField
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={description ? <Description id={id}>{description}</Description> : undefined}
      errorMessage={error ? <ErrorMessage id={id} error={error} /> : undefined}
      input={
        <Select
          id={id}
          value={value}
          invalid={Boolean(error)}
          aria-describedby={describedBy(id, description, error)}
          onChange={(event) => onChange(event.target.value)}
        >
          {options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
      }
    />
  );
}

export function CheckboxField(props: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  description?: ReactNode;
}) {
  const { id, label, checked, onChange, disabled, description } = props;
  return (
    <FormField
      type="checkbox"
      label={
        <FormLabel htmlFor={id} type="checkbox" disabled={disabled} checked={checked}>
          {label}
        </FormLabel>
      }
      description={description ? <Description id={id}>{description}</Description> : undefined}
      input={
        <Checkbox
          id={id}
          checked={checked}
          disabled={disabled}
          aria-describedby={description ? `${id}-beschrijving` : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
      }
    />
  );
}

export interface ChoiceOption<T extends string> {
  value: T;
  label: ReactNode;
  disabled?: boolean;
  description?: ReactNode;
}

/** A group of radio buttons in a fieldset; the error summary links to the first enabled option. */
export function RadioGroup<T extends string>(props: {
  idPrefix: string;
  legend: ReactNode;
  name: string;
  value: T | null;
  onChange: (value: T) => void;
  options: ChoiceOption<T>[];
  description?: ReactNode;
  error?: string | undefined;
  disabled?: boolean;
  className?: string;
}) {
  const { idPrefix, legend, name, value, onChange, options, description, error, disabled, className } = props;
  return (
    <Fieldset
      invalid={Boolean(error)}
      aria-describedby={describedBy(idPrefix, description, error)}
      disabled={disabled}
      className={className}
    >
      <FieldsetLegend>{legend}</FieldsetLegend>
      <Description id={idPrefix}>{description}</Description>
      <ErrorMessage id={idPrefix} error={error} />
      {options.map((option) => {
        const id = `${idPrefix}-${option.value}`;
        return (
          <FormField
            key={option.value}
            type="radio"
            label={
              <FormLabel
                htmlFor={id}
                type="radio"
                disabled={option.disabled || disabled}
                checked={value === option.value}
              >
                {option.label}
              </FormLabel>
            }
            description={
              option.description ? <Description id={id}>{option.description}</Description> : undefined
            }
            input={
              <RadioButton
                id={id}
                name={name}
                value={option.value}
                checked={value === option.value}
                disabled={option.disabled || disabled}
                invalid={Boolean(error)}
                aria-describedby={option.description ? `${id}-beschrijving` : undefined}
                onChange={() => onChange(option.value)}
              />
            }
          />
        );
      })}
    </Fieldset>
  );
}

/** A group of checkboxes in a fieldset. */
export function CheckboxGroup<T extends string>(props: {
  idPrefix: string;
  legend: ReactNode;
  values: T[];
  onChange: (values: T[]) => void;
  options: ChoiceOption<T>[];
  description?: ReactNode;
  error?: string | undefined;
  disabled?: boolean;
  className?: string;
}) {
  const { idPrefix, legend, values, onChange, options, description, error, disabled, className } = props;
  const toggle = (value: T, checked: boolean) =>
    onChange(checked ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value));
  return (
    <Fieldset
      invalid={Boolean(error)}
      aria-describedby={describedBy(idPrefix, description, error)}
      disabled={disabled}
      className={className}
    >
      <FieldsetLegend>{legend}</FieldsetLegend>
      <Description id={idPrefix}>{description}</Description>
      <ErrorMessage id={idPrefix} error={error} />
      {options.map((option) => (
        <CheckboxField
          key={option.value}
          id={`${idPrefix}-${option.value}`}
          label={option.label}
          checked={values.includes(option.value)}
          disabled={option.disabled || disabled}
          description={option.description}
          onChange={(checked) => toggle(option.value, checked)}
        />
      ))}
    </Fieldset>
  );
}
