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
//     and 2010 standard contractual clauses) with the days each could be
//     relied on ([Mechanism.ValidOn]); the Commission's decisions on
//     standard contractual clauses ([SCCDecisions]) and a reader of the
//     decisions and 2021/914 modules a reference names ([RecogniseSCC]);
//   - dated jurisdiction data: membership of the European Economic Area,
//     outermost regions and Åland included ([InEEA]), whether sending data
//     to a country is a Chapter V transfer, the EU-UK bridge of 2021
//     included ([ChapterVApplies]), adequacy decisions with their scope
//     limits and a verdict of three ([AssessAdequacy]), the age of digital
//     consent per state ([DigitalConsentAge]), national rules requiring a
//     DPO ([NationalDPORequirements]), supervisory authorities
//     ([SupervisoryAuthorityOf]) and the counterparts of GDPR articles in
//     Regulation (EU) 2018/1725 ([EUDPRProvision]).
//
// Every table row carries its source, a [Confidence] and the days it holds
// from and to; every query takes the day to answer for. Facts that could not
// be confirmed are left out rather than guessed: the ages of digital consent
// of Slovenia and Iceland, the OJ number of the June 2025 extension of the
// UK decision, the supervisory authorities of the EEA countries other than
// Belgium, the Netherlands, France, Germany (federal), Luxembourg, Ireland,
// Austria, Denmark, Sweden and Iceland, the German Land authorities, and
// the counterparts in Regulation (EU) 2018/1725 not listed in [EUDPRCounterparts].
//
// Sources: the GDPR (Regulation (EU) 2016/679), Arts. 6, 7, 8, 9, 10, 15-21,
// 37, 45-49; the European Commission's pages on adequacy decisions and on
// Brexit and the decisions named in each row; the judgments C-362/14 and
// C-311/18 of the Court of Justice; Commission Implementing Decision (EU)
// 2021/914 and the decisions it repealed, as published in the Official
// Journal; Arts. 349 and 355 TFEU, European Council Decision 2012/419/EU and
// Protocol No 2 to the 1994 Act of Accession; § 38 BDSG; the EFTA notice of
// the GDPR's entry into force in the EEA; the supervisory authorities' own
// pages; the Commission's GDPR evaluation SWD(2020) 115 and the Bird & Bird
// GDPR tracker for the ages of consent. The project's research notes list
// each page.
//
// The package imports nothing else of this module.
package lawfulbasis
