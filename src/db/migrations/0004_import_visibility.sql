ALTER TABLE "data_imports" ADD COLUMN "local_municipality_codes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
UPDATE "data_imports" d SET "local_municipality_codes" = ARRAY(
  SELECT DISTINCT o."code" FROM "observations" ob
  JOIN "indicators" i ON i."key" = ob."indicator_key"
  JOIN "organisations" o ON o."id" = i."municipality_id"
  WHERE ob."import_id" = d."id" ORDER BY 1
);
