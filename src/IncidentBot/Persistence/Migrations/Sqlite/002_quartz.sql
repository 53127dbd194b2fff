-- Quartz.NET 4.7 ADO job store, default prefix QRTZ_ (SQLite matches table names without regard to case).
-- Quartz validates these tables and columns at start (SchemaProvisioning.Validate) and never creates them itself:
-- the schema changes only through these migrations. Upgrading Quartz may need a new migration with the columns its
-- release notes add (quartznet's database/migrations/). Times are .NET ticks (UTC) in BIGINT, as Quartz writes them.
-- The optional execution-history tables (UseExecutionHistory) are left out: the bot does not use them.
CREATE TABLE qrtz_job_details (
    sched_name NVARCHAR(120) NOT NULL,
    job_name NVARCHAR(150) NOT NULL,
    job_group NVARCHAR(150) NOT NULL,
    description NVARCHAR(250) NULL,
    job_class_name NVARCHAR(250) NOT NULL,
    is_durable BIT NOT NULL,
    is_nonconcurrent BIT NOT NULL,
    is_update_data BIT NOT NULL,
    requests_recovery BIT NOT NULL,
    job_data BLOB NULL,
    PRIMARY KEY (sched_name, job_name, job_group)
);

CREATE TABLE qrtz_triggers (
    sched_name NVARCHAR(120) NOT NULL,
    trigger_name NVARCHAR(150) NOT NULL,
    trigger_group NVARCHAR(150) NOT NULL,
    job_name NVARCHAR(150) NOT NULL,
    job_group NVARCHAR(150) NOT NULL,
    description NVARCHAR(250) NULL,
    next_fire_time BIGINT NULL,
    prev_fire_time BIGINT NULL,
    priority INTEGER NULL,
    trigger_state NVARCHAR(16) NOT NULL,
    trigger_type NVARCHAR(8) NOT NULL,
    start_time BIGINT NOT NULL,
    end_time BIGINT NULL,
    calendar_name NVARCHAR(200) NULL,
    misfire_instr INTEGER NULL,
    misfire_orig_fire_time BIGINT NULL,
    execution_group NVARCHAR(200) NULL,
    preferred_node NVARCHAR(200) NULL,
    preferred_node_auto BIT NOT NULL DEFAULT 0,
    retry_policy NVARCHAR(250) NULL,
    retry_attempt INTEGER NULL,
    continues_trigger_name NVARCHAR(150) NULL,
    continues_trigger_group NVARCHAR(150) NULL,
    continuation_condition INTEGER NULL,
    overlap_policy INTEGER NULL,
    pause_reason NVARCHAR(250) NULL,
    paused_by NVARCHAR(200) NULL,
    paused_at BIGINT NULL,
    misfire_threshold BIGINT NULL,
    fixed_delay BIT NULL,
    job_data BLOB NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group)
);

-- One row per trigger of each kind. Quartz's own connections leave foreign keys off (SQLite's default), so the
-- delete triggers at the end, not ON DELETE CASCADE, are what remove these rows with their trigger.
CREATE TABLE qrtz_simple_triggers (
    sched_name NVARCHAR(120) NOT NULL,
    trigger_name NVARCHAR(150) NOT NULL,
    trigger_group NVARCHAR(150) NOT NULL,
    repeat_count BIGINT NOT NULL,
    repeat_interval BIGINT NOT NULL,
    times_triggered BIGINT NOT NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group)
        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE qrtz_cron_triggers (
    sched_name NVARCHAR(120) NOT NULL,
    trigger_name NVARCHAR(150) NOT NULL,
    trigger_group NVARCHAR(150) NOT NULL,
    cron_expression NVARCHAR(250) NOT NULL,
    time_zone_id NVARCHAR(80) NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group)
        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE qrtz_simprop_triggers (
    sched_name NVARCHAR(120) NOT NULL,
    trigger_name NVARCHAR(150) NOT NULL,
    trigger_group NVARCHAR(150) NOT NULL,
    str_prop_1 NVARCHAR(512) NULL,
    str_prop_2 NVARCHAR(512) NULL,
    str_prop_3 NVARCHAR(512) NULL,
    int_prop_1 INT NULL,
    int_prop_2 INT NULL,
    long_prop_1 BIGINT NULL,
    long_prop_2 BIGINT NULL,
    dec_prop_1 NUMERIC NULL,
    dec_prop_2 NUMERIC NULL,
    bool_prop_1 BIT NULL,
    bool_prop_2 BIT NULL,
    time_zone_id NVARCHAR(80) NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group)
        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE qrtz_blob_triggers (
    sched_name NVARCHAR(120) NOT NULL,
    trigger_name NVARCHAR(150) NOT NULL,
    trigger_group NVARCHAR(150) NOT NULL,
    blob_data BLOB NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group)
        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE qrtz_calendars (
    sched_name NVARCHAR(120) NOT NULL,
    calendar_name NVARCHAR(200) NOT NULL,
    calendar BLOB NOT NULL,
    PRIMARY KEY (sched_name, calendar_name)
);

CREATE TABLE qrtz_paused_trigger_grps (
    sched_name NVARCHAR(120) NOT NULL,
    trigger_group NVARCHAR(150) NOT NULL,
    pause_reason NVARCHAR(250) NULL,
    paused_by NVARCHAR(200) NULL,
    paused_at BIGINT NULL,
    PRIMARY KEY (sched_name, trigger_group)
);

CREATE TABLE qrtz_paused_job_grps (
    sched_name NVARCHAR(120) NOT NULL,
    job_group NVARCHAR(150) NOT NULL,
    pause_reason NVARCHAR(250) NULL,
    paused_by NVARCHAR(200) NULL,
    paused_at BIGINT NULL,
    PRIMARY KEY (sched_name, job_group)
);

-- Firings in progress: what a restarted instance recovers.
CREATE TABLE qrtz_fired_triggers (
    sched_name NVARCHAR(120) NOT NULL,
    entry_id NVARCHAR(140) NOT NULL,
    trigger_name NVARCHAR(150) NOT NULL,
    trigger_group NVARCHAR(150) NOT NULL,
    instance_name NVARCHAR(200) NOT NULL,
    fired_time BIGINT NOT NULL,
    sched_time BIGINT NOT NULL,
    priority INTEGER NOT NULL,
    state NVARCHAR(16) NOT NULL,
    job_name NVARCHAR(150) NULL,
    job_group NVARCHAR(150) NULL,
    is_nonconcurrent BIT NULL,
    requests_recovery BIT NULL,
    execution_group NVARCHAR(200) NULL,
    progress INTEGER NULL,
    progress_message NVARCHAR(250) NULL,
    interrupt_requested_time BIGINT NULL,
    PRIMARY KEY (sched_name, entry_id)
);

CREATE TABLE qrtz_scheduler_state (
    sched_name NVARCHAR(120) NOT NULL,
    instance_name NVARCHAR(200) NOT NULL,
    last_checkin_time BIGINT NOT NULL,
    checkin_interval BIGINT NOT NULL,
    quartz_version NVARCHAR(20) NULL,
    PRIMARY KEY (sched_name, instance_name)
);

CREATE TABLE qrtz_locks (
    sched_name NVARCHAR(120) NOT NULL,
    lock_name NVARCHAR(40) NOT NULL,
    PRIMARY KEY (sched_name, lock_name)
);

CREATE TRIGGER qrtz_delete_simple_trigger DELETE ON qrtz_triggers
BEGIN
    DELETE FROM qrtz_simple_triggers
    WHERE sched_name = OLD.sched_name AND trigger_name = OLD.trigger_name AND trigger_group = OLD.trigger_group;
END;

CREATE TRIGGER qrtz_delete_simprop_trigger DELETE ON qrtz_triggers
BEGIN
    DELETE FROM qrtz_simprop_triggers
    WHERE sched_name = OLD.sched_name AND trigger_name = OLD.trigger_name AND trigger_group = OLD.trigger_group;
END;

CREATE TRIGGER qrtz_delete_cron_trigger DELETE ON qrtz_triggers
BEGIN
    DELETE FROM qrtz_cron_triggers
    WHERE sched_name = OLD.sched_name AND trigger_name = OLD.trigger_name AND trigger_group = OLD.trigger_group;
END;

CREATE TRIGGER qrtz_delete_blob_trigger DELETE ON qrtz_triggers
BEGIN
    DELETE FROM qrtz_blob_triggers
    WHERE sched_name = OLD.sched_name AND trigger_name = OLD.trigger_name AND trigger_group = OLD.trigger_group;
END;

CREATE INDEX idx_qrtz_j_g_n ON qrtz_job_details (sched_name, job_group, job_name);
CREATE INDEX idx_qrtz_t_j ON qrtz_triggers (sched_name, job_name, job_group);
CREATE INDEX idx_qrtz_t_g_n ON qrtz_triggers (sched_name, trigger_group, trigger_name);
CREATE INDEX idx_qrtz_t_c ON qrtz_triggers (sched_name, calendar_name);
-- Acquisition: the next waiting triggers by time, then priority.
CREATE INDEX idx_qrtz_t_nft_st ON qrtz_triggers (sched_name, trigger_state, next_fire_time ASC, priority DESC, misfire_instr);
CREATE INDEX idx_qrtz_ft_inst_job_req_rcvry ON qrtz_fired_triggers (sched_name, instance_name, requests_recovery);
CREATE INDEX idx_qrtz_ft_j_g ON qrtz_fired_triggers (sched_name, job_name, job_group);
CREATE INDEX idx_qrtz_ft_t_g ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
