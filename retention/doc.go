// Package retention models the retention terms of a record of processing
// activities (Art. 30(1)(f) GDPR: "where possible, the envisaged time limits
// for erasure of the different categories of data") precisely enough to
// compute erasure dates and compare terms.
//
// A [Term] is a period after an event ("3 years after the last contact"), an
// open end ("until consent is withdrawn"), a statutory term, criteria where no
// period can be given, or a combination, with an optional longer hold in a
// stated case ([Extension]). Periods are ISO 8601 durations ([Period]) and are
// added to dates calendar-exactly: a month after 31 January is the last day of
// February, never a day in March.
//
// [Parse] reads the terms that privacy notices write in English, Dutch, French
// and German; [Term.Words] writes a term back as a sentence in those
// languages. [Statutes] is a small, dated table of the statutory periods
// that Belgian and Dutch registers cite, each row with its legal source and
// its [StatuteKind]: a duty to keep records for a minimum period, a maximum
// period, or a limitation period of legal claims, which requires no
// retention but bounds how long keeping data for legal claims can be
// justified.
//
// Sources of the statutory table: the Belgian Code of Economic Law (arts.
// III.86 and III.88), the Income Tax Code (art. 315 WIB 92) and VAT Code
// (art. 60 §4) as amended by the Act of 20 November 2022, the Royal Decree of
// 8 August 1980 on social documents, the Camerawet as explained by the
// Gegevensbeschermingsautoriteit, arts. 2262 and 2262bis of the old Civil
// Code, and art. 52(4) of the Dutch Algemene wet inzake rijksbelastingen. Each
// row names the page it was confirmed on and how ([Confidence]).
//
// The package imports nothing else of this module; nothing in it depends on
// the current date.
package retention
