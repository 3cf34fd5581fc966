/** French names of input fields, used in error messages. Unknown paths are shown as they are. */
const LABELS: Record<string, string> = {
  body: 'corps de la requête',
  email: 'adresse e-mail',
  password: 'mot de passe',
  currentPassword: 'mot de passe actuel',
  newPassword: 'nouveau mot de passe',
  temporaryPassword: 'mot de passe temporaire',
  name: 'nom',
  role: 'rôle',
  fte: 'ETP',
  active: 'actif',
  version: 'version',
  kind: "type d'organisation",
  basinId: "bassin d'emploi",
  address: 'adresse',
  bce: "numéro d'entreprise (BCE)",
  token: 'jeton de configuration',
  admin: 'administrateur·rice',
  organisation: 'organisation',
  organisationId: 'organisation',
  id: 'identifiant',
  orgId: 'organisation',
  userId: 'utilisateur',
  limit: 'limite',
  offset: 'décalage',
  from: 'date de début',
  to: 'date de fin',
};

export function fieldLabel(path: string): string {
  const parts = path.split('.');
  const last = parts[parts.length - 1] ?? path;
  const prefix = parts.length > 1 ? (LABELS[parts[0]!] ?? parts[0]) : undefined;
  const label = LABELS[last] ?? last;
  return prefix && prefix !== last ? `${label} (${prefix})` : label;
}
