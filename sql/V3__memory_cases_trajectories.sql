-- Genesis schema, version 3: memory (namespaced key-value records), CaseBank cases and SE-Darwin trajectories,
-- after the SQLite "Memori" stand-in of the Genesis code (infrastructure/memory/memori_client.py), in PostgreSQL.
-- Rows map 1:1 to the records of io.genesis.evolution (Case, Trajectory). Every table and column carries a COMMENT.

CREATE TABLE memories (
    id          BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    namespace   VARCHAR(200) NOT NULL,
    subject     VARCHAR(200) NOT NULL,
    record_key  VARCHAR(200) NOT NULL,
    value       JSONB        NOT NULL,
    metadata    JSONB        NOT NULL DEFAULT '{}'::jsonb,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at  TIMESTAMPTZ,
    CONSTRAINT memories_namespace_subject_key_uq UNIQUE (namespace, subject, record_key),
    CONSTRAINT memories_expiry_chk CHECK (expires_at IS NULL OR expires_at > created_at)
);

CREATE INDEX memories_namespace_subject_updated_idx ON memories (namespace, subject, updated_at DESC);
CREATE INDEX memories_namespace_updated_idx ON memories (namespace, updated_at DESC);
CREATE INDEX memories_expires_idx ON memories (expires_at) WHERE expires_at IS NOT NULL;

COMMENT ON TABLE memories IS
    'Long-term memory of the Meta-Agent: one JSON record per (namespace, subject, record_key), e.g. namespace business/<type> for success patterns, agent/<name> for per-agent learnings, consensus/best_practices. Upserted on the unique key.';
COMMENT ON COLUMN memories.id IS 'Surrogate key.';
COMMENT ON COLUMN memories.namespace IS 'Memory namespace, path segments joined by ''/'', e.g. business/saas_tool, agent/builder_agent, consensus/best_practices.';
COMMENT ON COLUMN memories.subject IS 'What the record is about within the namespace, e.g. a business id or a topic.';
COMMENT ON COLUMN memories.record_key IS 'Name of the record for that subject, e.g. success_pattern; unique per (namespace, subject).';
COMMENT ON COLUMN memories.value IS 'The remembered document (JSON): requirements, team, task summaries, deployment URL, lessons ...';
COMMENT ON COLUMN memories.metadata IS 'Context of the record (JSON): source business, tags, schema version.';
COMMENT ON COLUMN memories.created_at IS 'When the record was first written.';
COMMENT ON COLUMN memories.updated_at IS 'When the record was last written; searches return the newest first.';
COMMENT ON COLUMN memories.expires_at IS 'When the record stops being valid (ignored and eventually deleted after it); NULL keeps it for good.';

CREATE TABLE cases (
    case_id     CHAR(16)         NOT NULL PRIMARY KEY,
    agent_name  VARCHAR(100)     NOT NULL,
    state       TEXT             NOT NULL,
    action      TEXT             NOT NULL,
    reward      DOUBLE PRECISION NOT NULL,
    metadata    JSONB            NOT NULL DEFAULT '{}'::jsonb,
    embedding   REAL[]           NOT NULL,
    created_at  TIMESTAMPTZ      NOT NULL DEFAULT now(),
    CONSTRAINT cases_id_chk CHECK (case_id ~ '^[0-9a-f]{16}$'),
    CONSTRAINT cases_reward_chk CHECK (reward BETWEEN 0 AND 1),
    CONSTRAINT cases_embedding_chk CHECK (cardinality(embedding) = 384)
);

CREATE INDEX cases_agent_reward_idx ON cases (agent_name, reward DESC);
CREATE INDEX cases_created_idx ON cases (created_at);

COMMENT ON TABLE cases IS
    'CaseBank (Memento, arXiv 2508.16153): one row per distinct (state, action, agent) - in this situation, this action earned this reward. Retrieval ranks cases of reward >= 0.6 and cosine similarity >= 0.8 by similarity * reward.';
COMMENT ON COLUMN cases.case_id IS 'First 16 hex characters of sha256(state || ''|'' || action || ''|'' || agent_name); the same case written twice is one row.';
COMMENT ON COLUMN cases.agent_name IS 'Agent the case is about, e.g. builder_agent.';
COMMENT ON COLUMN cases.state IS 'The situation: failed task, error, context (credentials redacted before storage).';
COMMENT ON COLUMN cases.action IS 'What was done about it: the strategy that was applied (credentials redacted).';
COMMENT ON COLUMN cases.reward IS 'How well the action worked, 0..1 (for SE-Darwin cases: the best trajectory''s score).';
COMMENT ON COLUMN cases.metadata IS 'Context (JSON): trajectory id, operator, generation, iterations, convergence reason, seed.';
COMMENT ON COLUMN cases.embedding IS 'Embedding of state: 384 dimensions, hashed bag of the first 50 words (3 hashes each), L2-normalised.';
COMMENT ON COLUMN cases.created_at IS 'When the case was stored.';

CREATE TABLE trajectories (
    trajectory_id     VARCHAR(200)     NOT NULL PRIMARY KEY,
    agent_name        VARCHAR(100)     NOT NULL,
    generation        INTEGER          NOT NULL,
    operator          VARCHAR(20)      NOT NULL,
    success_score     DOUBLE PRECISION NOT NULL,
    status            VARCHAR(10)      GENERATED ALWAYS AS (
                          CASE WHEN success_score >= 0.7 THEN 'success'
                               WHEN success_score < 0.3 THEN 'failure'
                               ELSE 'partial' END) STORED,
    parent_ids        JSONB            NOT NULL DEFAULT '[]'::jsonb,
    reasoning_pattern VARCHAR(100)     NOT NULL,
    tools_used        JSONB            NOT NULL DEFAULT '[]'::jsonb,
    code              TEXT             NOT NULL,
    strategy          TEXT             NOT NULL,
    failure_reasons   JSONB            NOT NULL DEFAULT '[]'::jsonb,
    created_at        TIMESTAMPTZ      NOT NULL DEFAULT now(),
    CONSTRAINT trajectories_generation_chk CHECK (generation >= 0),
    CONSTRAINT trajectories_operator_chk CHECK (operator IN ('baseline', 'revision', 'recombination', 'refinement')),
    CONSTRAINT trajectories_score_chk CHECK (success_score BETWEEN 0 AND 1),
    CONSTRAINT trajectories_lists_chk CHECK (jsonb_typeof(parent_ids) = 'array' AND jsonb_typeof(tools_used) = 'array'
                                             AND jsonb_typeof(failure_reasons) = 'array')
);

CREATE INDEX trajectories_agent_generation_idx ON trajectories (agent_name, generation DESC);
CREATE INDEX trajectories_agent_status_score_idx ON trajectories (agent_name, status, success_score DESC);

COMMENT ON TABLE trajectories IS
    'SE-Darwin trajectory pool: one row per improvement attempt for an agent; at most 50 per agent are kept (successes and the last 10 generations first).';
COMMENT ON COLUMN trajectories.trajectory_id IS 'Stable id: <agent>-g<generation>-<slot>-<hash of agent, failed context, seed, generation, slot>.';
COMMENT ON COLUMN trajectories.agent_name IS 'Agent being improved, e.g. builder_agent.';
COMMENT ON COLUMN trajectories.generation IS 'Evolution generation of the agent (0 for its first trajectory ever).';
COMMENT ON COLUMN trajectories.operator IS 'How it was produced: baseline, revision (of the worst unsuccessful), recombination (of two diverse successes) or refinement (of the best, from common failures).';
COMMENT ON COLUMN trajectories.success_score IS 'Validation score 0..1: 0.70 * code quality + operator bonus + min(0.10, lines/200) + min(0.05, strategy words/200).';
COMMENT ON COLUMN trajectories.status IS 'Derived from success_score: success (>= 0.7), failure (< 0.3) or partial.';
COMMENT ON COLUMN trajectories.parent_ids IS 'JSON array of the trajectory ids it was derived from (empty for a baseline).';
COMMENT ON COLUMN trajectories.reasoning_pattern IS 'How it reasons (direct, decompose, test_first, defensive); pairs with different patterns count as diverse.';
COMMENT ON COLUMN trajectories.tools_used IS 'JSON array of the tools it relies on; pairs with different tool sets count as diverse.';
COMMENT ON COLUMN trajectories.code IS 'The proposed patch.';
COMMENT ON COLUMN trajectories.strategy IS 'The tactics it applies, separated by ''; ''.';
COMMENT ON COLUMN trajectories.failure_reasons IS 'JSON array of why it fell short (empty for a success); reasons shared by 2+ failures become pool insights.';
COMMENT ON COLUMN trajectories.created_at IS 'When the trajectory was stored.';
