CREATE TABLE "panel_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"panel_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"approach_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"parent_draw_id" uuid,
	"public_value" text NOT NULL,
	"seed" text NOT NULL,
	"input_hashes" jsonb NOT NULL,
	"panel_index" integer,
	"ticket" double precision,
	"size" integer NOT NULL,
	"composition" jsonb NOT NULL,
	"dropped_out_count" integer DEFAULT 0 NOT NULL,
	"members" jsonb,
	"dropped_out" jsonb,
	"replacements" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_pool_members" (
	"panel_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"reference" text NOT NULL,
	"values" jsonb NOT NULL,
	CONSTRAINT "panel_pool_members_panel_id_position_pk" PRIMARY KEY("panel_id","position")
);
--> statement-breakpoint
CREATE TABLE "panel_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"panel_id" uuid NOT NULL,
	"approach_id" uuid NOT NULL,
	"algorithm" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"pool_sha256" text NOT NULL,
	"quotas_sha256" text NOT NULL,
	"quotas" jsonb NOT NULL,
	"panel_size" integer NOT NULL,
	"household_columns" jsonb NOT NULL,
	"settings" jsonb NOT NULL,
	"settings_sha256" text NOT NULL,
	"progress" jsonb,
	"error" jsonb,
	"summary" jsonb,
	"panel_probabilities" jsonb,
	"panel_members" jsonb,
	"person_probabilities" jsonb,
	"started_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"cancel_requested_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "panels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"approach_id" uuid NOT NULL,
	"name" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"panel_size" integer NOT NULL,
	"retention_until" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"pool_file_name" text,
	"pool_file_kind" text,
	"pool_sha256" text,
	"pool_size" integer,
	"pool_columns" jsonb,
	"pool_counts" jsonb,
	"pool_uploaded_at" timestamp with time zone,
	"quotas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"quotas_csv" text,
	"quotas_file_name" text,
	"quotas_sha256" text,
	"quotas_version" integer DEFAULT 1 NOT NULL,
	"purged_at" timestamp with time zone,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "panel_draws" ADD CONSTRAINT "panel_draws_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_draws" ADD CONSTRAINT "panel_draws_run_id_panel_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."panel_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_draws" ADD CONSTRAINT "panel_draws_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_pool_members" ADD CONSTRAINT "panel_pool_members_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_runs" ADD CONSTRAINT "panel_runs_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_runs" ADD CONSTRAINT "panel_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panels" ADD CONSTRAINT "panels_approach_id_approaches_id_fk" FOREIGN KEY ("approach_id") REFERENCES "public"."approaches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panels" ADD CONSTRAINT "panels_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panels" ADD CONSTRAINT "panels_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "panel_draws_panel_idx" ON "panel_draws" USING btree ("panel_id","created_at");--> statement-breakpoint
CREATE INDEX "panel_runs_panel_idx" ON "panel_runs" USING btree ("panel_id","created_at");--> statement-breakpoint
CREATE INDEX "panel_runs_status_idx" ON "panel_runs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "panels_approach_idx" ON "panels" USING btree ("approach_id");--> statement-breakpoint
CREATE INDEX "panels_retention_idx" ON "panels" USING btree ("retention_until");