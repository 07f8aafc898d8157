-- newsevents store, schema version 2: near-duplicate (syndicated copy) detection.
-- A copy is stored as a document (its own url, title, source) with a row in `duplicates`
-- naming its canonical document; only canonical documents are parsed, so events are
-- counted once per story.

CREATE TABLE signatures (
    doc_id VARCHAR PRIMARY KEY,      -- canonical documents only (copies are never matched against)
    shingles INTEGER NOT NULL,       -- distinct word 5-shingles of the body
    minhash BLOB NOT NULL,           -- MinHash values, little-endian uint32, one per permutation
    lead BLOB NOT NULL,              -- CRC-32 of each shingle of the first 50 words, sorted uint32
    head BLOB NOT NULL               -- the same for the first 150 words
);

CREATE TABLE duplicates (
    doc_id VARCHAR PRIMARY KEY,      -- the copy
    canonical_id VARCHAR NOT NULL,   -- the first stored document of the story
    jaccard DOUBLE NOT NULL,         -- MinHash estimate of the shingle-set Jaccard similarity
    containment DOUBLE NOT NULL      -- estimated share of the smaller set found in the larger
);

ALTER TABLE ingest_runs ADD COLUMN n_duplicates BIGINT NOT NULL DEFAULT 0;

-- One row per story: its canonical document, how many articles and outlets carried it.
-- An outlet is the host of a document's URL (without "www."); documents without a URL
-- count as one outlet each, so NumSources is never below 1.
CREATE VIEW stories AS
WITH members AS (
    SELECT id AS doc_id, id AS canonical_id, url
    FROM documents
    WHERE id NOT IN (SELECT doc_id FROM duplicates)
    UNION ALL
    SELECT c.doc_id, c.canonical_id, m.url
    FROM duplicates c JOIN documents m ON m.id = c.doc_id
)
SELECT
    canonical_id AS doc_id,
    count(*) AS num_articles,
    count(DISTINCT coalesce(
        nullif(regexp_extract(lower(url), '^[a-z]+://(?:www\.)?([^/:?#]+)', 1), ''),
        'doc:' || doc_id
    )) AS num_sources
FROM members
GROUP BY canonical_id;
