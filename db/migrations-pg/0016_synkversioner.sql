CREATE TABLE "synkversioner" (
	"ressource" text NOT NULL,
	"kilde_id" text NOT NULL,
	"kilde_aendret" text NOT NULL,
	"portal_id" text NOT NULL,
	CONSTRAINT "synkversioner_ressource_kilde_id_pk" PRIMARY KEY("ressource","kilde_id")
);
