import { MigrationInterface, QueryRunner } from 'typeorm';

const inList = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The first schema. Every tenant-owned table leads its primary and unique keys with
 * tenant_id (the county), so the schema can later be distributed by tenant; foreign keys stay
 * inside one tenant. Enum columns are text with CHECK constraints: readable in psql, and a
 * new value is one ALTER, not a type migration.
 */
export class InitialSchema1732000000000 implements MigrationInterface {
  name = 'InitialSchema1732000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS ltree`);

    await q.query(`
      CREATE TABLE org (
        tenant_id    uuid        NOT NULL,
        id           uuid        NOT NULL,
        parent_id    uuid,
        path         ltree       NOT NULL,
        level        text        NOT NULL CHECK (level IN (${inList(['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'])})),
        type         text        NOT NULL CHECK (type IN (${inList(['PROVINCE', 'CITY', 'COUNTY', 'XIANG', 'TOWN', 'SUBDISTRICT', 'DEPARTMENT', 'SCHOOL', 'ENTERPRISE', 'VILLAGE', 'COMMUNITY'])})),
        code         text        NOT NULL CHECK (code ~ '^[0-9A-Za-z_]+$'),
        name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        founded_on   date        NOT NULL,
        dissolved_on date        CHECK (dissolved_on IS NULL OR dissolved_on > founded_on),
        created_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, code),
        -- the last label of the path is the org's own code
        CHECK (subpath(path, -1)::text = code),
        CHECK ((parent_id IS NULL) = (nlevel(path) = 1))
      )`);
    await q.query(`CREATE INDEX org_path_gist ON org USING gist (path)`);
    await q.query(`CREATE INDEX org_path_btree ON org (path)`);
    await q.query(`CREATE INDEX org_parent ON org (parent_id)`);
    await q.query(`CREATE INDEX org_code ON org (code)`);
    await q.query(`CREATE INDEX org_id ON org (id)`);
    await q.query(`CREATE INDEX org_name_trgm ON org (name text_pattern_ops)`);

    await q.query(`
      CREATE TABLE assessment_criterion (
        tenant_id uuid NOT NULL,
        key       text NOT NULL CHECK (key ~ '^[A-Z_]+$'),
        name      text NOT NULL,
        position  int  NOT NULL,
        PRIMARY KEY (tenant_id, key),
        UNIQUE (tenant_id, position)
      )`);

    const orgRef = `FOREIGN KEY (tenant_id, org_id) REFERENCES org (tenant_id, id)`;

    await q.query(`
      CREATE TABLE assessment (
        tenant_id     uuid    NOT NULL,
        id            uuid    NOT NULL,
        org_id        uuid    NOT NULL,
        year          int     NOT NULL CHECK (year BETWEEN 1900 AND 2999),
        criterion_key text    NOT NULL,
        met           boolean NOT NULL,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, org_id, year, criterion_key),
        ${orgRef},
        FOREIGN KEY (tenant_id, criterion_key) REFERENCES assessment_criterion (tenant_id, key)
      )`);

    await q.query(`
      CREATE TABLE guarantee (
        tenant_id     uuid    NOT NULL,
        id            uuid    NOT NULL,
        org_id        uuid    NOT NULL,
        year          int     NOT NULL CHECK (year BETWEEN 1900 AND 2999),
        has_staff     boolean NOT NULL,
        has_office    boolean NOT NULL,
        has_equipment boolean NOT NULL,
        has_funding   boolean NOT NULL,
        budget_yuan   numeric(14,2) NOT NULL DEFAULT 0 CHECK (budget_yuan >= 0),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, org_id, year),
        ${orgRef}
      )`);

    await q.query(`
      CREATE TABLE volunteer (
        tenant_id uuid    NOT NULL,
        id        uuid    NOT NULL,
        org_id    uuid    NOT NULL,
        name      text    NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
        phone     text,
        id_number text,
        category  text    NOT NULL CHECK (category IN (${inList(['CADRE', 'PARTY_MEMBER', 'SOLDIER', 'TEACHER', 'MODEL_WORKER'])})),
        is_core   boolean NOT NULL DEFAULT false,
        joined_on date    NOT NULL,
        left_on   date    CHECK (left_on IS NULL OR left_on > joined_on),
        PRIMARY KEY (tenant_id, id),
        ${orgRef}
      )`);

    await q.query(`
      CREATE TABLE beneficiary (
        tenant_id uuid NOT NULL,
        id        uuid NOT NULL,
        org_id    uuid NOT NULL,
        name      text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
        id_number text,
        category  text NOT NULL CHECK (category IN (${inList(['LEFT_BEHIND_CHILD', 'CHILD_IN_DIFFICULTY', 'POOR_STUDENT', 'YOUNG_FARMER'])})),
        PRIMARY KEY (tenant_id, id),
        ${orgRef}
      )`);

    await q.query(`
      CREATE TABLE assistance_pair (
        tenant_id      uuid NOT NULL,
        id             uuid NOT NULL,
        org_id         uuid NOT NULL,
        volunteer_id   uuid NOT NULL,
        beneficiary_id uuid NOT NULL,
        started_on     date NOT NULL,
        ended_on       date CHECK (ended_on IS NULL OR ended_on > started_on),
        PRIMARY KEY (tenant_id, id),
        ${orgRef},
        FOREIGN KEY (tenant_id, volunteer_id) REFERENCES volunteer (tenant_id, id),
        FOREIGN KEY (tenant_id, beneficiary_id) REFERENCES beneficiary (tenant_id, id)
      )`);

    await q.query(`
      CREATE TABLE activity (
        tenant_id     uuid NOT NULL,
        id            uuid NOT NULL,
        org_id        uuid NOT NULL,
        held_on       date NOT NULL,
        theme         text NOT NULL CHECK (theme IN (${inList(['THEORY_STUDY', 'LECTURE', 'PATRIOTISM', 'FAMILY_EDUCATION', 'LEGAL_EDUCATION', 'SKILLS_TRAINING', 'CARE_ASSISTANCE', 'CIVILITY', 'OTHER'])})),
        title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        sessions      int  NOT NULL DEFAULT 1 CHECK (sessions >= 0),
        participants  int  NOT NULL DEFAULT 0 CHECK (participants >= 0),
        youth_reached int  NOT NULL DEFAULT 0 CHECK (youth_reached >= 0),
        PRIMARY KEY (tenant_id, id),
        ${orgRef}
      )`);

    await q.query(`
      CREATE TABLE donation (
        tenant_id          uuid NOT NULL,
        id                 uuid NOT NULL,
        org_id             uuid NOT NULL,
        received_on        date NOT NULL,
        donor_kind         text NOT NULL CHECK (donor_kind IN (${inList(['SOCIAL', 'VETERAN', 'CADRE', 'ENTERPRISE'])})),
        donor_name         text NOT NULL,
        form               text NOT NULL CHECK (form IN ('MONEY', 'GOODS')),
        amount_yuan        numeric(14,2) NOT NULL CHECK (amount_yuan > 0),
        restricted_purpose text CHECK (restricted_purpose IN ('SCHOLARSHIP', 'STUDENT_AID')),
        PRIMARY KEY (tenant_id, id),
        ${orgRef}
      )`);

    await q.query(`
      CREATE TABLE disbursement (
        tenant_id          uuid NOT NULL,
        id                 uuid NOT NULL,
        org_id             uuid NOT NULL,
        paid_on            date NOT NULL,
        amount_yuan        numeric(14,2) NOT NULL CHECK (amount_yuan > 0),
        restricted_purpose text CHECK (restricted_purpose IN ('SCHOLARSHIP', 'STUDENT_AID')),
        beneficiary_id     uuid,
        recipient_name     text NOT NULL,
        PRIMARY KEY (tenant_id, id),
        ${orgRef},
        FOREIGN KEY (tenant_id, beneficiary_id) REFERENCES beneficiary (tenant_id, id)
      )`);

    await q.query(`
      CREATE TABLE plan_target (
        tenant_id    uuid NOT NULL,
        id           uuid NOT NULL,
        org_id       uuid NOT NULL,
        year         int  NOT NULL CHECK (year BETWEEN 1900 AND 2999),
        metric_key   text NOT NULL,
        target_value numeric(14,2) NOT NULL CHECK (target_value >= 0),
        description  text NOT NULL,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, org_id, year, metric_key),
        ${orgRef}
      )`);

    await q.query(`
      CREATE TABLE article (
        tenant_id    uuid    NOT NULL,
        id           uuid    NOT NULL,
        org_id       uuid    NOT NULL,
        title        text    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        submitted_on date    NOT NULL,
        adopted      boolean NOT NULL DEFAULT false,
        PRIMARY KEY (tenant_id, id),
        ${orgRef}
      )`);

    await q.query(`
      CREATE TABLE report (
        tenant_id    uuid        NOT NULL,
        id           uuid        NOT NULL,
        org_id       uuid        NOT NULL,
        period       text        NOT NULL CHECK (period ~ '^[0-9]{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$'),
        status       text        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED')),
        submitted_at timestamptz,
        approved_at  timestamptz,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, org_id, period),
        ${orgRef}
      )`);

    // Records are read per org and date range; the leading tenant_id keeps them shard-local.
    for (const [table, col] of [
      ['assessment', 'year'], ['guarantee', 'year'], ['volunteer', 'joined_on'], ['beneficiary', 'id'],
      ['assistance_pair', 'started_on'], ['activity', 'held_on'], ['donation', 'received_on'],
      ['disbursement', 'paid_on'], ['plan_target', 'year'], ['article', 'submitted_on'], ['report', 'period'],
    ]) {
      await q.query(`CREATE INDEX ${table}_org_${col} ON ${table} (tenant_id, org_id, ${col})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['report', 'article', 'plan_target', 'disbursement', 'donation', 'activity', 'assistance_pair',
      'beneficiary', 'volunteer', 'guarantee', 'assessment', 'assessment_criterion', 'org']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
