CREATE TABLE "indholdsfiler" (
	"id" text PRIMARY KEY NOT NULL,
	"filnavn" text NOT NULL,
	"type" text NOT NULL,
	"stoerrelse" bigint NOT NULL,
	"alt" text,
	"indhold" "bytea" NOT NULL,
	"af" text NOT NULL,
	"tidspunkt" text NOT NULL
);
