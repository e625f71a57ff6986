CREATE TABLE "data_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"format" text NOT NULL,
	"table_id" text,
	"year" integer NOT NULL,
	"report" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"key" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"definition" text DEFAULT '' NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"domain" text,
	"direction" text NOT NULL,
	"kind" text NOT NULL,
	"spec" jsonb NOT NULL,
	"origin" text NOT NULL,
	"municipality_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interpretations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"approach_id" uuid NOT NULL,
	"region_codes" text[] NOT NULL,
	"year" integer NOT NULL,
	"indicator_key" text NOT NULL,
	"text" text NOT NULL,
	"author_name" text NOT NULL,
	"organisation_name" text NOT NULL,
	"noted_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"indicator_key" text NOT NULL,
	"value" double precision,
	"status" text NOT NULL,
	"import_id" uuid NOT NULL,
	"source_row" integer,
	"source_column" text NOT NULL,
	CONSTRAINT "observations_indicator_key_year_region_code_pk" PRIMARY KEY("indicator_key","year","region_code")
);
--> statement-breakpoint
CREATE TABLE "region_geometries" (
	"code" text NOT NULL,
	"year" integer NOT NULL,
	"geometry" jsonb NOT NULL,
	"source" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_geometries_code_year_pk" PRIMARY KEY("code","year")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text NOT NULL,
	"year" integer NOT NULL,
	"name" text,
	"level" text NOT NULL,
	"parent_code" text,
	"municipality_code" text,
	CONSTRAINT "regions_code_year_pk" PRIMARY KEY("code","year")
);
--> statement-breakpoint
ALTER TABLE "data_imports" ADD CONSTRAINT "data_imports_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_municipality_id_organisations_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpretations" ADD CONSTRAINT "interpretations_approach_id_approaches_id_fk" FOREIGN KEY ("approach_id") REFERENCES "public"."approaches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpretations" ADD CONSTRAINT "interpretations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_imports_sha_idx" ON "data_imports" USING btree ("file_sha256");--> statement-breakpoint
CREATE INDEX "interpretations_approach_idx" ON "interpretations" USING btree ("approach_id","indicator_key");--> statement-breakpoint
CREATE INDEX "observations_region_idx" ON "observations" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "regions_year_level_idx" ON "regions" USING btree ("year","level","municipality_code");