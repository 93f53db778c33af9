CREATE TABLE `formularnoegler` (
	`noegle` text PRIMARY KEY NOT NULL,
	`medarbejder_id` text NOT NULL,
	`resultat` text NOT NULL,
	`tidspunkt` text NOT NULL,
	FOREIGN KEY (`medarbejder_id`) REFERENCES `medarbejdere`(`id`) ON UPDATE no action ON DELETE no action
);
