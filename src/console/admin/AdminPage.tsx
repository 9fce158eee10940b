// The console's administration page (admin role): advisors, tablets, enrollment codes, the
// catalogue import and the store's profile, one section at a time. The server refuses every
// request of this page to anyone but the store's admin; the navigation only hides it.
import { useState } from 'react';
import { useSay } from '../language.tsx';
import { AdvisorsSection } from './AdvisorsSection.tsx';
import { CatalogueSection } from './CatalogueSection.tsx';
import { EnrollmentCodeSection } from './EnrollmentCodeSection.tsx';
import { LogoSection } from './LogoSection.tsx';
import { StoreProfileSection } from './StoreProfileSection.tsx';
import { TabletsSection } from './TabletsSection.tsx';
import { W } from './messages.ts';
// Its styles by address, not imported: a CSS file split off a lazy page would be named after the
// page and land in the tablet's precache; console-* files stay out of it (vite.config.ts).
import adminStyles from './console-admin.css?url';

/** The profile's text and defaults, then its logo (an upload of its own). */
function ProfileAndLogo() {
  return (
    <>
      <StoreProfileSection />
      <LogoSection />
    </>
  );
}

const SECTIONS = {
  advisors: { words: W.advisors, Section: AdvisorsSection },
  tablets: { words: W.tablets, Section: TabletsSection },
  enrollment: { words: W.enrollment, Section: EnrollmentCodeSection },
  catalogue: { words: W.catalogue, Section: CatalogueSection },
  profile: { words: W.profile, Section: ProfileAndLogo },
} as const;
type SectionName = keyof typeof SECTIONS;

export default function AdminPage() {
  const say = useSay();
  const [open, setOpen] = useState<SectionName>('advisors');
  const { Section } = SECTIONS[open];
  return (
    <div className="admin-page">
      <link rel="stylesheet" href={adminStyles} precedence="console-admin" />
      <nav className="admin-tabs" aria-label={say(W.sections)}>
        {(Object.keys(SECTIONS) as SectionName[]).map((name) => (
          <button key={name} type="button" className="console-button" aria-current={name === open ? 'true' : undefined} onClick={() => setOpen(name)}>
            {say(SECTIONS[name].words)}
          </button>
        ))}
      </nav>
      <Section key={open} />
    </div>
  );
}
