/**
 * @jobcoach/domain: the jobcoaching method (docs method.md) as pure rules. No I/O; "today" is
 * always an argument.
 *
 * Glossary (code ↔ the users' French):
 *   Trajectory ↔ parcours           Intake ↔ accueil                 PreHire ↔ pré-embauche
 *   Hiring ↔ embauche               FollowUp ↔ suivi en entreprise   Exit ↔ sortie
 *   CoachedPerson ↔ personne coachée / bénéficiaire                  Jobcoach ↔ jobcoach
 *   Coachability ↔ « coachabilité » (conditions d'entrée)            TrustContract ↔ contrat de confiance
 *   DebtSettlementPlan ↔ plan d'apurement                            SingleParent ↔ parent isolé
 *   PriorityGroup ↔ public prioritaire                               Caseload ↔ portefeuille du jobcoach
 *   Cadence / DirectContact ↔ fréquence des contacts / contact direct (face à face, téléphone)
 *   Suspension ↔ suspension du délai (CDD)                           Redirected ↔ réorienté
 *   Employer ↔ employeur   Partner ↔ partenaire   PromotingOrganisation ↔ organisme promoteur
 *   NISS ↔ numéro de registre national   BCE ↔ numéro d'entreprise
 */
export * from './agenda.ts';
export * from './basin.ts';
export * from './cadence.ts';
export * from './calendar.ts';
export * from './caseload.ts';
export * from './clock.ts';
export * from './coachability.ts';
export * from './contacts.ts';
export * from './contracts/index.ts';
export * from './history/index.ts';
export * from './identifiers/bce.ts';
export * from './identifiers/niss.ts';
export * from './matching/hiring-aids.ts';
export * from './matching/languages.ts';
export * from './matching/matching.ts';
export * from './matching/nace.ts';
export * from './matching/occupations.ts';
export * from './matching/wage-cost.ts';
export * from './move-cancellation.ts';
export * from './myday.ts';
export * from './organisation.ts';
export * from './permissions.ts';
export * from './person.ts';
export * from './person-status.ts';
export * from './places/distance.ts';
export * from './places/places.ts';
export * from './presentations.ts';
export * from './priority.ts';
export * from './reports/cohorts.ts';
export * from './reports/outcomes.ts';
export * from './reports/steering.ts';
export * from './reports/suppression.ts';
export * from './reports/table.ts';
export * from './sorting.ts';
export * from './trajectory.ts';
