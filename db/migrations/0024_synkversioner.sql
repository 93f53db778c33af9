CREATE TABLE `synkversioner` (
	`ressource` text NOT NULL,
	`kilde_id` text NOT NULL,
	`kilde_aendret` text NOT NULL,
	`portal_id` text NOT NULL,
	PRIMARY KEY(`ressource`, `kilde_id`)
);
