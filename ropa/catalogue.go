package ropa

// catalogue is the library's rules in the catalogue's order: the structural
// rules, the GDPR rules by chapter, and unused-waiver. It is made once and
// never changed; Rules returns copies.
var catalogue = append(append([]*Rule(nil), structuralRules...),
	// Art. 30 content and the parties of the record.
	controllerContactRule, dpoContactRule, dpoRequiredRule, representativeRule, jointControllersRule, noRecipientsRule,
	// Art. 30(1)(f) and 5(1)(e): retention.
	noRetentionRule, vagueRetentionRule, retentionNoEndRule, retentionNoStartRule, retentionEndlessRule,
	statutoryMinimumRule, statutoryMaximumRule,
	// Art. 30(1)(g), 30(2).
	noMeasuresRule, processorControllerContactRule,
	// Art. 6.
	noLegalBasisRule, interestNotStatedRule, balancingTestRule, basisLawMissingRule, publicAuthorityLIRule,
	employeeConsentRule, childConsentRule,
	// Art. 22.
	automatedDecisionRule,
	// Art. 9 and 10.
	specialDataConditionRule, ordinaryConsentRule, conditionLawMissingRule, criminalDataGroundRule, conditionWithoutDataRule,
	// Chapter V.
	eeaTransferRule, transferWithoutMechanismRule, adequacyNotInForceRule, invalidMechanismRule,
	transferImpactAssessmentRule, derogationSafeguardsRule, publicAuthorityDerogationRule, undeclaredTransferRule,
	// Art. 28.
	processorAgreementRule,
	// Art. 35.
	dpiaScreeningRule,
	// Art. 30(5).
	exemptionRule,
	// The record as a living document: stated absences, the inventory, reviews.
	absenceContradictedRule, inventoryTransferRule, inventoryAgreementRule, reviewDueRule,
	unusedWaiver,
)
