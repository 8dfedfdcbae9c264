import type { Role } from "../../db/schema";

export const roleLabels: Record<Role, string> = {
  flexjobber: "Fleksjobber",
  company: "Virksomhed",
  staff: "Jobcenter-medarbejder",
  admin: "Administrator",
};

export interface NavItem {
  label: string;
  to: string;
  /** Areas not built yet are listed but not linked. */
  ready: boolean;
}

const flexjobberNav: NavItem[] = [
  { label: "Forside", to: "/", ready: true },
  { label: "Min profil", to: "/profil", ready: true },
  { label: "Job", to: "/job", ready: true },
  { label: "Beskeder", to: "/beskeder", ready: true },
  { label: "Arrangementer", to: "/arrangementer", ready: true },
  { label: "Viden", to: "/viden", ready: true },
];

const companyNav: NavItem[] = [
  { label: "Forside", to: "/", ready: true },
  { label: "Opslag", to: "/opslag", ready: true },
  { label: "Find kandidater", to: "/kandidater", ready: true },
  { label: "Beskeder", to: "/beskeder", ready: true },
  { label: "Arrangementer", to: "/arrangementer", ready: true },
  // Staff choose per article whether it is for flexjobbers, companies or both.
  { label: "Viden", to: "/viden", ready: true },
];

const staffNav: NavItem[] = [
  { label: "Overblik", to: "/", ready: true },
  { label: "Opfølgning", to: "/opfoelgning", ready: true },
  { label: "Borgere", to: "/borgere", ready: true },
  { label: "Profiler til godkendelse", to: "/godkendelse", ready: true },
  { label: "Til bekræftelse", to: "/bekraeft", ready: true },
  { label: "Virksomheder", to: "/virksomheder", ready: true },
  { label: "Beskeder", to: "/beskeder", ready: true },
  { label: "Indberetninger", to: "/indberetninger", ready: true },
  { label: "Arrangementer", to: "/arrangementer", ready: true },
  { label: "Viden", to: "/viden", ready: true },
  { label: "Statistik", to: "/statistik", ready: true },
];

export function navFor(user: { role: Role; isCompanyAdmin?: boolean }): NavItem[] {
  switch (user.role) {
    case "flexjobber":
      return flexjobberNav;
    case "company":
      return user.isCompanyAdmin ? [...companyNav, { label: "Kolleger", to: "/kolleger", ready: true }] : companyNav;
    case "staff":
      return staffNav;
    case "admin":
      return [
        ...staffNav,
        { label: "Medarbejdere", to: "/medarbejdere", ready: true },
        { label: "Logbog", to: "/logbog", ready: true },
        { label: "Indstillinger", to: "/indstillinger", ready: true },
        { label: "Drift", to: "/drift", ready: true },
      ];
  }
}
