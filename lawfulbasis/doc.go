// Package lawfulbasis holds the vocabulary and the dated legal facts that a
// check of a record of processing activities stands on:
//
//   - the lawful bases of Art. 6(1) GDPR ([Basis]), the conditions of Art.
//     9(2) and the grounds of Art. 10 ([Condition]), and the special
//     categories of Art. 9(1) ([SpecialCategory]), each with its article and
//     labels in English, Dutch, French and German;
//   - [ParseBases] and [ParseConditions], which read what privacy notices
//     write ("Gerechtvaardigd belang", "the execution of the agreement",
//     "intérêt légitime", "berechtigtes Interesse");
//   - the rights of data subjects a basis gives ([RightsFor]);
//   - the transfer mechanisms of Chapter V ([Mechanism], [Derogation]),
//     including the ended ones (Safe Harbor, Privacy Shield, the 2001, 2004
//     and 2010 standard contractual clauses) with the last day each could be
//     relied on ([Mechanism.ValidOn]);
//   - dated jurisdiction data: membership of the European Economic Area
//     ([InEEA]), adequacy decisions with their scope limits
//     ([AdequateCountry], [AdequateOrganisation]) and the age of digital
//     consent per member state ([DigitalConsentAge]).
//
// Every table row carries its source, a [Confidence] and the days it holds
// from and to; every query takes the day to answer for. Facts that could not
// be confirmed are left out rather than guessed: the ages of digital consent
// of Slovenia, Iceland, Liechtenstein and Norway, the OJ number of the June
// 2025 extension of the UK decision, and the UK bridge period of the first
// half of 2021.
//
// Sources: the GDPR (Regulation (EU) 2016/679), Arts. 6, 7, 8, 9, 10, 15-21,
// 45-49; the European Commission's page on adequacy decisions and the
// decisions named in each row; the judgments C-362/14 and C-311/18 of the
// Court of Justice; Commission Implementing Decision (EU) 2021/914; the EFTA
// notice of the GDPR's entry into force in the EEA; the Commission's GDPR
// evaluation SWD(2020) 115 and the Bird & Bird GDPR tracker for the ages of
// consent. The project's research notes list each page.
//
// The package imports nothing else of this module.
package lawfulbasis
