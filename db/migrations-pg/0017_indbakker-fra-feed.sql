CREATE INDEX "journalhaendelser_type" ON "journalhaendelser" USING btree ("type","loebenr");
--> statement-breakpoint
-- The inboxes became views of the feed: what citizens sent before the feed existed (migration
-- 0003) gets its event, with the data its writer gives today, in the order it arrived.
INSERT INTO "journalhaendelser" ("tidspunkt", "type", "person_id", "sag_id", "kildesystem", "enhed", "genstand_id", "data")
SELECT "tidspunkt", "type", "person_id", "sag_id",
  CASE WHEN strpos("kilde_id", ':') > 1 THEN split_part("kilde_id", ':', 1) END,
  "enhed", "genstand_id", "data" FROM (
  SELECT k."modtaget" AS "tidspunkt", 'klage' AS "type", s."person_id", s."id" AS "sag_id", s."kilde_id", s."enhed", k."id" AS "genstand_id",
    json_build_object('afgoerelseId', k."afgoerelse_id", 'tekst', k."tekst", 'indsendtAf', k."indsendt_af", 'genvurderingFrist', k."genvurdering_frist", 'forSent', k."for_sent" <> 0)::text AS "data"
  FROM "klager" k JOIN "sager" s ON s."id" = k."sag_id"
  UNION ALL
  SELECT a."modtaget", 'hjaelpemiddel-ansoegning', a."person_id", a."sag_id", s."kilde_id", s."enhed", a."id",
    json_build_object('hjaelpemiddel', a."hjaelpemiddel", 'katalogId', a."katalog_id", 'beskrivelse', a."beskrivelse", 'varighed', a."varighed", 'telefon', a."telefon", 'besoegstid', a."besoegstid", 'leveringsadresse', a."leveringsadresse", 'forventetSvar', a."forventet_svar", 'indsendtAf', i."navn")::text
  FROM "hjaelpemiddel_ansoegninger" a LEFT JOIN "sager" s ON s."id" = a."sag_id" LEFT JOIN "personer" i ON i."id" = a."indsendt_af"
  UNION ALL
  SELECT p."besvaret", 'partshoeringssvar', s."person_id", s."id", s."kilde_id", s."enhed", p."id",
    json_build_object('materiale', p."materiale", 'svarfrist', p."svarfrist", 'svar', p."svar", 'besvaretAf', p."besvaret_af")::text
  FROM "partshoeringer" p JOIN "sager" s ON s."id" = p."sag_id"
  WHERE p."besvaret" IS NOT NULL AND p."svar" IS NOT NULL
  UNION ALL
  SELECT c."tilbagekaldt", 'samtykke-tilbagekaldt', c."person_id", c."sag_id", s."kilde_id", s."enhed", c."id",
    json_build_object('kilde', c."kilde", 'formaal', c."formaal", 'givet', c."givet", 'tilbagekaldtAf', c."tilbagekaldt_af")::text
  FROM "samtykker" c LEFT JOIN "sager" s ON s."id" = c."sag_id"
  WHERE c."tilbagekaldt" IS NOT NULL
) AS x
WHERE NOT EXISTS (SELECT 1 FROM "journalhaendelser" h WHERE h."type" = x."type" AND h."genstand_id" = x."genstand_id")
ORDER BY x."tidspunkt", x."genstand_id";
