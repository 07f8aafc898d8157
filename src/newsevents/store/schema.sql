-- The newsevents store, schema version 1: documents and every list of newsevents.article/1.
-- A new store runs this file, then each migration in migrations/ in order (version 2 on);
-- an old store runs the migrations it lacks. docs/store.md describes the whole schema.
-- Offsets (char_start, char_end) index documents.body, 0-based and end-exclusive, as in records.
-- Child rows are keyed by (doc_id, idx): idx is the position in the record's list, so a record
-- read back from the store has its lists in the order the extractors wrote them.

CREATE TABLE documents (
    id VARCHAR PRIMARY KEY,          -- Document.id: the input's id, else a hash of the body
    seq BIGINT NOT NULL UNIQUE,      -- arrival order in this store (1, 2, ...)
    source VARCHAR NOT NULL,         -- where the input was read from (path, path:line, <stdin>)
    url VARCHAR,
    title VARCHAR,
    published VARCHAR,               -- YYYY-MM-DD as in the record
    date_source VARCHAR NOT NULL,
    byline VARCHAR,
    captions VARCHAR[] NOT NULL,
    body VARCHAR NOT NULL,
    language VARCHAR NOT NULL,
    paragraph_starts INTEGER[] NOT NULL,
    paragraph_ends INTEGER[] NOT NULL,
    removed_kinds VARCHAR[] NOT NULL,
    removed_texts VARCHAR[] NOT NULL,
    dateline_text VARCHAR,
    dateline_start INTEGER,
    dateline_end INTEGER,
    dateline_place VARCHAR,
    dateline_country VARCHAR,
    dateline_agency VARCHAR,
    dateline_date VARCHAR,
    body_sha256 VARCHAR NOT NULL
);

CREATE TABLE actors (
    doc_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    country VARCHAR,
    sector VARCHAR,
    title VARCHAR,
    affiliation VARCHAR,
    basis VARCHAR,
    PRIMARY KEY (doc_id, idx)
);

-- Mentions of actors (Actor.mentions) and of events (Event.mentions, extra evidence sentences).
CREATE TABLE mentions (
    doc_id VARCHAR NOT NULL,
    owner VARCHAR NOT NULL,          -- 'actor' or 'event'
    owner_idx INTEGER NOT NULL,      -- actors.idx or events.idx
    idx INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, owner, owner_idx, idx)
);

CREATE TABLE events (
    doc_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    id VARCHAR NOT NULL,
    gid BIGINT NOT NULL,             -- stable numeric id (GDELT GLOBALEVENTID): hash of doc_id/id
    cameo VARCHAR NOT NULL,
    cameo_root VARCHAR NOT NULL,
    plover VARCHAR,
    mode VARCHAR,
    quad_class INTEGER NOT NULL,
    goldstein DOUBLE,
    source_actor_id VARCHAR,
    source_text VARCHAR,
    source_country VARCHAR,
    source_sector VARCHAR,
    source_start INTEGER,
    source_end INTEGER,
    target_actor_id VARCHAR,
    target_text VARCHAR,
    target_country VARCHAR,
    target_sector VARCHAR,
    target_start INTEGER,
    target_end INTEGER,
    has_source BOOLEAN NOT NULL,
    has_target BOOLEAN NOT NULL,
    date VARCHAR,
    date_precision VARCHAR NOT NULL,
    day DATE,                        -- derived: the event date, else the publication date
    location_name VARCHAR,
    location_country VARCHAR,
    location_lat DOUBLE,
    location_lon DOUBLE,
    has_location BOOLEAN NOT NULL,
    modality VARCHAR NOT NULL,
    reported_by VARCHAR,
    evidence_sentence VARCHAR NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    trigger_text VARCHAR NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    confidence DOUBLE NOT NULL,
    acled_json VARCHAR,              -- Event.acled as JSON (sorted keys), or NULL
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE quotes (
    doc_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    speaker_actor_id VARCHAR,
    speaker_name VARCHAR,
    speaker_start INTEGER,
    speaker_end INTEGER,
    has_speaker BOOLEAN NOT NULL,
    cue_text VARCHAR,
    cue_start INTEGER,
    cue_end INTEGER,
    addressee_text VARCHAR,
    addressee_start INTEGER,
    addressee_end INTEGER,
    medium_text VARCHAR,
    medium_start INTEGER,
    medium_end INTEGER,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE quantities (
    doc_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    value DOUBLE,
    unit VARCHAR,
    kind VARCHAR NOT NULL,
    subject VARCHAR,
    period VARCHAR,
    approximate VARCHAR,
    actor_id VARCHAR,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE places (
    doc_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    name VARCHAR,
    country VARCHAR,
    admin1 VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    feature VARCHAR,
    geonameid BIGINT,
    confidence DOUBLE NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE times (
    doc_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    type VARCHAR NOT NULL,
    value VARCHAR,
    anchor VARCHAR,
    range_start VARCHAR,
    range_end VARCHAR,
    PRIMARY KEY (doc_id, idx)
);

-- Inputs that could not become a record: kept with their error, skipped by ingest.
CREATE TABLE failures (
    id VARCHAR PRIMARY KEY,          -- hash of source and code, so a re-run adds no row
    source VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    message VARCHAR NOT NULL
);

-- One row per `newsevents ingest` run; the only table with wall-clock times.
CREATE TABLE ingest_runs (
    id INTEGER PRIMARY KEY,
    started TIMESTAMP NOT NULL,
    finished TIMESTAMP,
    status VARCHAR NOT NULL,         -- running, done, interrupted (a later run found it running)
    version VARCHAR NOT NULL,        -- newsevents version that ran it
    inputs VARCHAR[] NOT NULL,
    n_read BIGINT NOT NULL DEFAULT 0,
    n_new BIGINT NOT NULL DEFAULT 0,
    n_already_stored BIGINT NOT NULL DEFAULT 0,
    n_failed BIGINT NOT NULL DEFAULT 0,
    n_events BIGINT NOT NULL DEFAULT 0
);
