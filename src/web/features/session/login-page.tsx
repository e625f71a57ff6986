/** Login with e-mail address and password. */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ButtonLink, Heading2, Paragraph } from '@utrecht/component-library-react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { keys, useSession } from '../../api/queries.ts';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { PageHeading } from '../../components/page-heading.tsx';

/** What went wrong with a login through the organisation (the callback's `fout`). */
const ORGANISATION_LOGIN_ERRORS: Record<string, string> = {
  'oidc-mislukt': 'Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw.',
  'oidc-organisatie':
    'Uw organisatie is niet aangesloten op Wijkkompas, of uw organisatie gaf niet door bij welke organisatie u hoort.',
  'oidc-geen-account':
    'Er is geen Wijkkompas-account voor u bij deze organisatie. Vraag de beheerder van Wijkkompas om een account.',
};

/** Only paths inside this app: never send someone to another site after login. */
function safeReturnPath(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function LoginPage() {
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const back = safeReturnPath(params.get('terug'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string; form?: string }>({});
  const [attempt, setAttempt] = useState(0);
  const loggedOut = (location.state as { loggedOut?: boolean } | null)?.loggedOut === true;
  const methods = useQuery({
    queryKey: ['login-methods'],
    queryFn: api.getLoginMethods,
    staleTime: Infinity,
  });
  const organisationError = ORGANISATION_LOGIN_ERRORS[params.get('fout') ?? ''];

  const login = useMutation({
    mutationFn: api.login,
    onSuccess: (newSession) => {
      queryClient.clear();
      queryClient.setQueryData(keys.session, newSession);
      void navigate(back, { replace: true });
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 401)
        setErrors({ form: 'Het e-mailadres of het wachtwoord klopt niet.' });
      else if (isApiError(error) && error.status === 429)
        setErrors({ form: 'Te veel inlogpogingen. Wacht een minuut en probeer het opnieuw.' });
      else
        setErrors({
          form: isApiError(error) ? error.detail : 'Inloggen is niet gelukt. Probeer het opnieuw.',
        });
      setAttempt((n) => n + 1);
    },
  });

  if (session.data && !login.isPending && !login.isSuccess) return <Navigate to={back} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (email.trim() === '') next.email = 'Vul uw e-mailadres in.';
    if (password === '') next.password = 'Vul uw wachtwoord in.';
    setErrors(next);
    if (next.email || next.password) {
      setAttempt((n) => n + 1);
      return;
    }
    login.mutate({ email: email.trim(), password });
  };

  const summary: SummaryError[] = [
    ...(errors.form ? [{ fieldId: 'email', message: errors.form }] : []),
    ...(errors.email ? [{ fieldId: 'email', message: errors.email }] : []),
    ...(errors.password ? [{ fieldId: 'wachtwoord', message: errors.password }] : []),
  ];

  return (
    <div className="wk-narrow">
      <PageHeading title="Inloggen">Inloggen</PageHeading>
      {loggedOut ? (
        <Alert type="ok">
          <Paragraph>U bent uitgelogd.</Paragraph>
        </Alert>
      ) : null}
      {organisationError ? (
        <Alert type="error">
          <Paragraph>{organisationError}</Paragraph>
        </Alert>
      ) : null}
      {methods.data?.organisation ? (
        <section aria-labelledby="inloggen-organisatie">
          <Heading2 id="inloggen-organisatie">Met het account van uw organisatie</Heading2>
          <Paragraph>
            Werkt u bij een aangesloten gemeente of partner? Log dan in zoals u op uw werk inlogt.
          </Paragraph>
          <ButtonLink
            appearance="primary-action-button"
            href={`/api/v1/oidc/authorization?terug=${encodeURIComponent(back)}`}
          >
            Inloggen met uw organisatie
          </ButtonLink>
        </section>
      ) : null}
      {methods.data?.organisation ? <Heading2>Met e-mailadres en wachtwoord</Heading2> : null}
      <Paragraph>Log in met het e-mailadres en wachtwoord van uw Wijkkompas-account.</Paragraph>
      <ErrorSummary errors={summary} focusKey={attempt} title="Inloggen is niet gelukt" />
      <form onSubmit={submit} noValidate aria-label="Inloggen">
        <TextField
          id="email"
          label="E-mailadres"
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={errors.email}
          spellCheck={false}
        />
        <TextField
          id="wachtwoord"
          label="Wachtwoord"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
        />
        <Button type="submit" appearance="primary-action-button" busy={login.isPending}>
          Inloggen
        </Button>
      </form>
    </div>
  );
}
