// Every chat command, in the order 帮助 lists them. Matching picks the longest trigger,
// so the order here does not change routing.
import type { Command } from "../src/bot/define.ts";
import addUnit from "./add-unit.ts";
import admins from "./admins.ts";
import alias from "./alias.ts";
import bind from "./bind.ts";
import confirm from "./confirm.ts";
import correct from "./correct.ts";
import dashboard from "./dashboard.ts";
import bulletin from "./bulletin.ts";
import carryOver from "./carry-over.ts";
import details from "./details.ts";
import exportLedger from "./export-ledger.ts";
import fundsArrived from "./funds-arrived.ts";
import help from "./help.ts";
import holidays from "./holidays.ts";
import innovationTeam from "./innovation-team.ts";
import join from "./join.ts";
import landed from "./landed.ts";
import negotiation from "./negotiation.ts";
import onBehalf from "./on-behalf.ts";
import overview from "./overview.ts";
import producing from "./producing.ts";
import project from "./project.ts";
import ranking from "./ranking.ts";
import rankingRules from "./ranking-rules.ts";
import registered from "./registered.ts";
import removeAlias from "./remove-alias.ts";
import renameUnit from "./rename-unit.ts";
import revoke from "./revoke.ts";
import selfJoin from "./self-join.ts";
import signing from "./signing.ts";
import started from "./started.ts";
import status from "./status.ts";
import talentProject from "./talent-project.ts";
import talentRecruit from "./talent-recruit.ts";
import targets from "./targets.ts";
import unbind from "./unbind.ts";
import unitActive from "./unit-active.ts";
import units from "./units.ts";
import visitIn from "./visit-in.ts";
import visitOut from "./visit-out.ts";
import viewers from "./viewers.ts";
import weeklyReport from "./weekly-report.ts";
import whoami from "./whoami.ts";

export const commands: readonly Command[] = [
  visitOut,
  visitIn,
  negotiation,
  signing,
  fundsArrived,
  landed,
  started,
  producing,
  registered,
  carryOver,
  talentRecruit,
  talentProject,
  innovationTeam,
  confirm,
  correct,
  revoke,
  status,
  ranking,
  details,
  project,
  overview,
  weeklyReport,
  dashboard,
  bulletin,
  exportLedger,
  help,
  join,
  whoami,
  units,
  addUnit,
  renameUnit,
  unitActive,
  alias,
  removeAlias,
  bind,
  unbind,
  targets,
  admins,
  viewers,
  onBehalf,
  selfJoin,
  rankingRules,
  holidays,
];
