package ropa

import (
	"reflect"
	"slices"

	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
)

// SchemaV1 is the format version this package reads and writes.
const SchemaV1 = "openropa/v1"

// Register is a record of processing activities (Art. 30 GDPR): the
// controller's record of its processing activities (Art. 30(1)) and, where it
// also acts as processor, its record of the categories of processing carried
// out on behalf of controllers (Art. 30(2)).
//
// The zero value of every optional field means "not given". A Register
// marshals to the canonical JSON form with encoding/json; [Encode] writes it
// byte-stable.
type Register struct {
	// JSONSchema is the address of the JSON Schema an editor checks the
	// document against ("$schema"), kept as written.
	JSONSchema string `json:"$schema,omitempty"`
	// Schema is the format version, "openropa/v1". Required.
	Schema string `json:"schema" validate:"required"`
	// Regime is the law the record is kept under: the GDPR (Art. 30), the
	// default, or Regulation (EU) 2018/1725 for Union institutions and bodies
	// (Art. 31).
	Regime Regime `json:"regime,omitempty" validate:"omitempty,enum"`
	// Language is the BCP 47 tag of the language of the register's free text.
	Language string `json:"language,omitempty" validate:"omitempty,bcp47_language_tag"`
	// Updated is the date of the last review of the register (Art. 5(2) GDPR, accountability).
	Updated Date `json:"updated,omitzero"`
	// Adopted is the date on which the register was adopted, as a
	// council or board resolution records it.
	Adopted Date `json:"adopted,omitzero"`
	// AdoptedBy names the body or the decision that adopted the register
	// ("resolution of the municipal council of 12 March 2024").
	AdoptedBy string `json:"adoptedBy,omitempty"`
	// ReviewCycle is how often the register's records are reviewed, such as
	// P1Y; a record whose last review is older is due for review.
	ReviewCycle retention.Period `json:"reviewCycle,omitzero"`
	// Organisation is the controller, and the processor of the Processing records.
	// Art. 30(1)(a): name and contact details of the controller. Required.
	Organisation Party `json:"organisation" validate:"required" art:"30(1)(a)"`
	// Entities are other group companies that share this register as
	// (joint) controllers. Optional, same shape as Organisation.
	Entities []Party `json:"entities,omitempty" validate:"dive" art:"30(1)(a)"`
	// DPO is the data protection officer (Art. 37-39). Art. 30(1)(a): where
	// applicable, their name and contact details.
	DPO *Contact `json:"dpo,omitempty" art:"30(1)(a)"`
	// Representative is the controller's representative in the Union (Art.
	// 27), for a controller established outside it. Art. 30(1)(a).
	Representative *Party `json:"representative,omitempty" art:"30(1)(a)"`
	// Purposes are the purposes of the organisation's processing as the
	// register states them at its head, beside the purposes of each
	// activity ("the fulfilment of our statutory tasks").
	Purposes []string `json:"purposes,omitempty"`
	// Measures are the technical and organisational security measures (Art.
	// 32(1)) that activities and processing records refer to by id.
	// Art. 30(1)(g) and 30(2)(d).
	Measures []Measure `json:"measures,omitempty" validate:"dive" art:"30(1)(g)"`
	// Systems are the applications and IT systems that activities and
	// processing records use, with where they are hosted and supported.
	Systems []System `json:"systems,omitempty" validate:"dive" art:"30(1)(e)"`
	// Processors are the processors that process data on the controller's
	// behalf (Art. 28), which recipients, systems and activities refer to.
	Processors []ProcessorEntry `json:"processors,omitempty" validate:"dive" art:"28"`
	// Events are the named events of the organisation that retention terms
	// count from or end at, beside the standard events of the retention
	// package: the end of a programme period, leaving an association.
	// Art. 30(1)(f).
	Events []NamedEvent `json:"events,omitempty" validate:"dive" art:"30(1)(f)"`
	// Activities are the processing activities under the controller's
	// responsibility, one entry each. Art. 30(1).
	Activities []Activity `json:"activities,omitempty" validate:"dive" art:"30(1)"`
	// Processing are the categories of processing carried out as processor on
	// behalf of controllers. Art. 30(2).
	Processing []ProcessorRecord `json:"processing,omitempty" validate:"dive" art:"30(2)"`
	// OccasionalProcessing states why the processing of a controller
	// established outside the Union is occasional, includes no large-scale
	// processing of special or criminal-offence data and is unlikely to
	// result in a risk, so that no representative is designated (Art.
	// 27(2)(a)). Empty: not stated.
	OccasionalProcessing string `json:"occasionalProcessing,omitempty" art:"27(2)(a)"`
	// Waivers are findings of a check that the organisation has examined and
	// accepts, each with its reason.
	Waivers []Waiver `json:"waivers,omitempty" validate:"dive"`
	// Notes are remarks on the register as a whole that fit nowhere else.
	Notes string `json:"notes,omitempty"`
}

// System is an application or IT system that processes personal data.
type System struct {
	// ID identifies the system in the register. Required, unique.
	ID string `json:"id" validate:"required"`
	// Name names the system. Required.
	Name string `json:"name" validate:"required"`
	// Provider is the id of the processor of the register that provides the
	// system, or the provider's name.
	Provider string `json:"provider,omitempty"`
	// Kind says what sort of system it is, as the register puts it ("CRM",
	// "cloud storage").
	Kind string `json:"kind,omitempty"`
	// Hosting are the countries where the system's data are stored
	// (ISO 3166-1 alpha-2). A country outside the EEA is a transfer
	// (Art. 44) that the activities using the system must declare.
	Hosting []string `json:"hosting,omitempty" validate:"dive,iso3166_1_alpha2"`
	// Support are the countries from which the system is supported or
	// administered, with access to its data (ISO 3166-1 alpha-2).
	Support []string `json:"support,omitempty" validate:"dive,iso3166_1_alpha2"`
	// Agreement references the Art. 28(3) contract with the provider.
	Agreement string `json:"agreement,omitempty" art:"28(3)"`
	// Notes are remarks that fit nowhere else.
	Notes string `json:"notes,omitempty"`
}

// ProcessorEntry is a processor of the register's inventory (Art. 28), which
// recipients, systems, activities and processing records refer to by id.
type ProcessorEntry struct {
	// ID identifies the processor in the register. Required, unique.
	ID string `json:"id" validate:"required"`
	// Name is the processor's name. Required.
	Name string `json:"name" validate:"required"`
	// Country is where the processor is established (ISO 3166-1 alpha-2).
	Country string `json:"country,omitempty" validate:"omitempty,iso3166_1_alpha2"`
	// Locations are the countries where the processor processes the data,
	// such as its server locations (ISO 3166-1 alpha-2).
	Locations []string `json:"locations,omitempty" validate:"dive,iso3166_1_alpha2"`
	// Service says what the processor does for the controller.
	Service string `json:"service,omitempty"`
	// Agreement references the Art. 28(3) contract.
	Agreement string `json:"agreement,omitempty" art:"28(3)"`
	// Contact holds the processor's contact details.
	Contact *Contact `json:"contact,omitempty"`
	// Notes are remarks that fit nowhere else.
	Notes string `json:"notes,omitempty"`
}

// Party is an organisation or person with its identification and contact
// details: the controller, a group entity, a representative, a controller on
// whose behalf the organisation processes, or a joint controller.
type Party struct {
	// Name is the legal name. Required.
	Name string `json:"name" validate:"required"`
	// Registration is the entry in a company register.
	Registration *Registration `json:"registration,omitempty"`
	// Address is the address where the party is established (the visiting
	// address).
	Address *Address `json:"address,omitempty"`
	// PostalAddress is the address for letters, where it differs from Address.
	PostalAddress *Address `json:"postalAddress,omitempty"`
	// Email is the contact e-mail address.
	Email string `json:"email,omitempty" validate:"omitempty,email"`
	// Phone is the contact telephone number, as written.
	Phone string `json:"phone,omitempty"`
	// Website is the address of the party's website.
	Website string `json:"website,omitempty" validate:"omitempty,url"`
	// Employees is the headcount, for the exemption of Art. 30(5).
	Employees *int `json:"employees,omitempty" validate:"omitempty,min=0"`
	// PublicAuthority says whether the party is a public authority or body
	// (Art. 6(1) second subparagraph, Art. 37(1)(a)). Nil: not stated.
	PublicAuthority *bool `json:"publicAuthority,omitempty"`
	// Contact is the person or function to contact at the party.
	Contact *Contact `json:"contact,omitempty"`
}

// Registration identifies a party in a company register.
type Registration struct {
	// Scheme names the register: "BE-KBO" (Belgian Crossroads Bank for
	// Enterprises, whose numbers carry a mod-97 check), "NL-KVK", "MA-ICE", or
	// another code starting with the ISO 3166-1 country code. Required.
	Scheme string `json:"scheme" validate:"required"`
	// ID is the number as the party writes it. Required.
	ID string `json:"id" validate:"required"`
}

// Address is a postal address.
type Address struct {
	// Street is the street and number, as written.
	Street string `json:"street,omitempty"`
	// PostalCode is the postal code, as written (leading zeros kept).
	PostalCode string `json:"postalCode,omitempty"`
	// City is the city or municipality.
	City string `json:"city,omitempty"`
	// Country is the ISO 3166-1 alpha-2 code, such as "BE".
	Country string `json:"country,omitempty" validate:"omitempty,iso3166_1_alpha2"`
}

// Contact is a person or function to contact, such as the DPO.
type Contact struct {
	// Name is the person's or the function's name.
	Name string `json:"name,omitempty"`
	// Role is the person's role or function, as the register states it
	// ("external DPO", "privacy officer", "Datenschutzkoordinator").
	Role string `json:"role,omitempty"`
	// Email is the contact e-mail address.
	Email string `json:"email,omitempty" validate:"omitempty,email"`
	// Phone is the contact telephone number, as written.
	Phone string `json:"phone,omitempty"`
	// Address is the postal address.
	Address *Address `json:"address,omitempty"`
}

// Measure is a technical or organisational security measure (Art. 32(1)).
type Measure struct {
	// ID is the identifier that activities refer to. Required, unique.
	ID string `json:"id" validate:"required"`
	// Kind is technical or organisational. Required.
	Kind MeasureKind `json:"kind" validate:"required,enum"`
	// Description says what the measure is. Required.
	Description string `json:"description" validate:"required"`
}

// NamedEvent is an event of the organisation's own that retention terms
// name by its id, such as the end of a programme period.
type NamedEvent struct {
	// ID is the event's id, in lower-case kebab case ("programme-period-end"),
	// as retention terms name it. Required, unique, not a standard event.
	ID retention.Event `json:"id" validate:"required"`
	// Label names the event in the register's language, as a reader sees it
	// in a retention term ("afloop van de programmeringsperiode"). Required.
	Label string `json:"label" validate:"required"`
	// Description says what the event is, where the label does not.
	Description string `json:"description,omitempty"`
}

// Activity is one processing activity as controller (Art. 30(1)).
type Activity struct {
	// ID identifies the activity in the register. Required, unique.
	ID string `json:"id" validate:"required"`
	// Name is the name of the activity. Required.
	Name string `json:"name" validate:"required"`
	// Description adds what the name does not say.
	Description string `json:"description,omitempty"`
	// Reference is the record's number or code in the organisation's own
	// numbering ("VT-2023-014").
	Reference string `json:"reference,omitempty"`
	// Status says whether the activity is planned, active, suspended or ended.
	Status ActivityStatus `json:"status,omitempty" validate:"omitempty,enum"`
	// Created is the date on which the record was created.
	Created Date `json:"created,omitzero"`
	// Updated is the date of the record's last update or review (Art. 5(2)).
	Updated Date `json:"updated,omitzero"`
	// NextReview is the date by which the record is to be reviewed again.
	NextReview Date `json:"nextReview,omitzero"`
	// Owner is the business function or department that owns the activity.
	Owner *Owner `json:"owner,omitempty"`
	// Controllers are controllers of the activity who are not joint
	// controllers with the organisation, each with its role (a minister who
	// mandates an agency, a controller of its own part); empty: the
	// register's organisation alone. Art. 30(1)(a).
	Controllers []ActivityController `json:"controllers,omitempty" validate:"dive" art:"30(1)(a)"`
	// NotController says that the register's organisation is not a
	// controller of this activity: it records it for the controllers named
	// in Controllers (a council for the processing of its councillors).
	NotController bool `json:"notController,omitempty" art:"30(1)(a)"`
	// Entities are the names of the register's entities (Register.Entities)
	// that are controllers of this activity, where a register shared by
	// several organisations says whose activity it is; empty: the
	// organisation's.
	Entities []string `json:"entities,omitempty" art:"30(1)(a)"`
	// DPO is the data protection officer of this activity, where it is not
	// the register's. Art. 30(1)(a).
	DPO *Contact `json:"dpo,omitempty" art:"30(1)(a)"`
	// Systems are the ids of the register's systems the activity uses.
	Systems []string `json:"systems,omitempty"`
	// Method says whether the activity processes the data wholly or partly
	// by automated means, or manually in a filing system (Art. 2(1), 4(6)).
	Method Method `json:"method,omitempty" validate:"omitempty,enum" art:"2(1)"`
	// Storage says where and how the data are kept beside the systems: on
	// paper, in a filing cabinet, in an archive ("Location of personal data"
	// of the ICO's template).
	Storage string `json:"storage,omitempty"`
	// Record is where the activity's full record is published or kept,
	// such as the address of its entry in an institution's central register
	// of records (Art. 31 of Regulation (EU) 2018/1725), when the register
	// holds an index of its records.
	Record string `json:"record,omitempty"`
	// Notice is where the privacy notice of the activity is published
	// (Art. 13, 14), such as the address of a web page.
	Notice string `json:"notice,omitempty" art:"13"`
	// Risk is the organisation's rating of the activity's risk to the rights
	// and freedoms of data subjects (Art. 24, 32, 35).
	Risk RiskLevel `json:"risk,omitempty" validate:"omitempty,enum" art:"35"`
	// None are the things the register states the activity does not have:
	// no transfers, no recipients, no special categories, no joint
	// controller, no processor. A stated absence is an answer; an empty
	// list says nothing.
	None []Absence `json:"none,omitempty" validate:"dive,enum"`
	// JointControllers are the controllers that determine the purposes and
	// means of this activity jointly with the organisation (Art. 26).
	// Art. 30(1)(a).
	JointControllers []Party `json:"jointControllers,omitempty" validate:"dive" art:"30(1)(a)"`
	// JointArrangement references the arrangement between the joint
	// controllers that sets out their respective responsibilities (Art.
	// 26(1)).
	JointArrangement string `json:"jointArrangement,omitempty" art:"26(1)"`
	// TargetCountries are the member states (ISO 3166-1 alpha-2) whose
	// residents the activity's information society services are offered to;
	// their ages of digital consent apply to children (Art. 8(1); EDPB
	// Guidelines 05/2020 on consent).
	TargetCountries []string `json:"targetCountries,omitempty" validate:"dive,iso3166_1_alpha2" art:"8(1)"`
	// Purposes are the purposes of the processing, each with its legal
	// grounds. Art. 30(1)(b). Required, one or more.
	Purposes []Purpose `json:"purposes,omitempty" validate:"min=1,dive" art:"30(1)(b)"`
	// DataSubjects are the categories of data subjects. Art. 30(1)(c).
	// Required, one or more.
	DataSubjects []DataSubject `json:"dataSubjects,omitempty" validate:"min=1,dive" art:"30(1)(c)"`
	// DataCategories are the categories of personal data. Art. 30(1)(c).
	// Required, one or more.
	DataCategories []DataCategory `json:"dataCategories,omitempty" validate:"min=1,dive" art:"30(1)(c)"`
	// Recipients are the categories of recipients to whom the data are or
	// will be disclosed. Art. 30(1)(d).
	Recipients []Recipient `json:"recipients,omitempty" validate:"dive" art:"30(1)(d)"`
	// Transfers are the transfers to third countries or international
	// organisations. Art. 30(1)(e).
	Transfers []Transfer `json:"transfers,omitempty" validate:"dive" art:"30(1)(e)"`
	// Retention are the envisaged time limits for erasure of the categories
	// of data. Art. 30(1)(f), where possible.
	Retention []RetentionRule `json:"retention,omitempty" validate:"dive" art:"30(1)(f)"`
	// Measures are the ids of the security measures that apply. Art. 30(1)(g).
	Measures []string `json:"measures,omitempty" art:"30(1)(g)"`
	// DPIA records the data protection impact assessment (Art. 35).
	DPIA *DPIA `json:"dpia,omitempty" art:"35"`
	// AutomatedDecisions says whether the activity involves decisions based
	// solely on automated processing (Art. 22). Nil: not stated.
	AutomatedDecisions *bool `json:"automatedDecisions,omitempty" art:"22"`
	// Profiling says whether the activity involves profiling (Art. 4(4)):
	// evaluating personal aspects by automated processing, a criterion of
	// WP248 rev.01 (evaluation or scoring) whether or not a decision
	// follows. Nil: not stated.
	Profiling *bool `json:"profiling,omitempty" art:"4(4)"`
	// DecisionGrounds are the exception of Art. 22(2) that the automated
	// decisions rest on and the safeguards of Art. 22(3).
	DecisionGrounds *DecisionGrounds `json:"decisionGrounds,omitempty" art:"22(2)"`
	// Started is the date on which the processing began (the "date of
	// introduction" of German and Dutch registers).
	Started Date `json:"started,omitzero"`
	// Ended is the date on which the activity ended; zero while it goes on.
	Ended Date `json:"ended,omitzero"`
	// ReplacedBy is the id of the activity that replaced this one.
	ReplacedBy string `json:"replacedBy,omitempty"`
	// Notes are remarks that fit nowhere else.
	Notes string `json:"notes,omitempty"`
}

// Owner is the part of the organisation that owns an activity.
type Owner struct {
	// Function is the business function ("HR", "Marketing").
	Function string `json:"function,omitempty"`
	// Department is the department or responsible body within the
	// organisation.
	Department string `json:"department,omitempty"`
	// Email is the owner's contact address.
	Email string `json:"email,omitempty" validate:"omitempty,email"`
	// Person names the person responsible within the owner, the contact
	// person of the department ("Ansprechpartner").
	Person string `json:"person,omitempty"`
}

// ActivityController is a controller of an activity beside the register's
// organisation who is not a joint controller, with its role.
type ActivityController struct {
	Party
	// Role says what the controller does in the activity ("mandates the
	// agency", "controller for the payroll").
	Role string `json:"role,omitempty"`
}

// Purpose is one purpose of an activity with its legal grounds.
type Purpose struct {
	// Description states the purpose. Required.
	Description string `json:"description" validate:"required"`
	// Bases are the lawful bases of Art. 6(1); a purpose may have several.
	Bases []Basis `json:"bases,omitempty" validate:"dive" art:"6(1)"`
	// Conditions are the Art. 9(2) conditions for special categories and the
	// Art. 10 grounds for criminal-offence data.
	Conditions []Condition `json:"conditions,omitempty" validate:"dive" art:"9(2)"`
	// Data are the ids of the data categories this purpose uses; empty means
	// all categories of the activity.
	Data []string `json:"data,omitempty"`
	// DirectMarketing marks a purpose of direct marketing, against which the
	// data subject may always object (Art. 21(2)).
	DirectMarketing bool `json:"directMarketing,omitempty"`
}

// Basis is one lawful basis of a purpose, with what it needs.
type Basis struct {
	// Basis is the Art. 6(1) basis. Required.
	Basis lawfulbasis.Basis `json:"basis" validate:"required,enum" art:"6(1)"`
	// Interest states the legitimate interest pursued (Art. 6(1)(f), Art. 13(1)(d)).
	Interest string `json:"interest,omitempty"`
	// Assessment references the balancing test of a legitimate interest.
	Assessment string `json:"assessment,omitempty"`
	// Law cites the Union or member state law for a legal obligation or a
	// public task (Art. 6(3)), or the law the processing complies with.
	Law string `json:"law,omitempty"`
	// Note limits or explains the basis as the source puts it ("for the IP address").
	Note string `json:"note,omitempty"`
}

// Condition is one Art. 9(2) condition or Art. 10 ground of a purpose.
type Condition struct {
	// Condition is the condition or ground. Required.
	Condition lawfulbasis.Condition `json:"condition" validate:"required,enum" art:"9(2)"`
	// Law cites the Union or member state law that provides for it.
	Law string `json:"law,omitempty"`
	// Note explains the condition as the source puts it.
	Note string `json:"note,omitempty"`
}

// DataSubject is a category of data subjects.
type DataSubject struct {
	// ID identifies the category within the activity. Required, unique.
	ID string `json:"id" validate:"required"`
	// Description says who they are. Required.
	Description string `json:"description" validate:"required"`
	// Kind classifies the category.
	Kind SubjectKind `json:"kind,omitempty" validate:"omitempty,enum"`
}

// DataCategory is a category of personal data.
type DataCategory struct {
	// ID identifies the category within the activity. Required, unique.
	ID string `json:"id" validate:"required"`
	// Description says which data. Required.
	Description string `json:"description" validate:"required"`
	// Class places the data in one of the fixed classes of data that
	// authorities' registers group categories by (the CNIL's fiche: civil
	// status and identity, personal life, professional life, economic and
	// financial information, connection data, location data, internet data).
	Class DataClass `json:"class,omitempty" validate:"omitempty,enum"`
	// Sources say where the data come from (Art. 14(2)(f)).
	Sources []DataSource `json:"sources,omitempty" validate:"dive,enum"`
	// SourceNote describes the source as the register puts it.
	SourceNote string `json:"sourceNote,omitempty"`
	// Special are the special categories of Art. 9(1) the data belong to.
	Special []lawfulbasis.SpecialCategory `json:"special,omitempty" validate:"dive,enum" art:"9(1)"`
	// Criminal marks data relating to criminal convictions and offences (Art. 10).
	Criminal bool `json:"criminal,omitempty" art:"10"`
	// NationalID marks a national identification number (Art. 87).
	NationalID bool `json:"nationalId,omitempty" art:"87"`
	// Subjects are the ids of the activity's data-subject categories whose
	// data these are; empty: all of them.
	Subjects []string `json:"subjects,omitempty"`
	// Requirement says whether providing the data is a statutory or
	// contractual requirement, a requirement to enter into a contract, or
	// voluntary (Art. 13(2)(e)).
	Requirement Requirement `json:"requirement,omitempty" validate:"omitempty,enum" art:"13(2)(e)"`
	// RequirementNote says what follows if the data are not provided
	// (Art. 13(2)(e)).
	RequirementNote string `json:"requirementNote,omitempty" art:"13(2)(e)"`
}

// Recipient is a category of recipients (Art. 30(1)(d)).
type Recipient struct {
	// Name names the recipient or the category. Required.
	Name string `json:"name" validate:"required"`
	// Kind says what role the recipient plays.
	Kind RecipientKind `json:"kind,omitempty" validate:"omitempty,enum"`
	// Country is where the recipient is located (ISO 3166-1 alpha-2).
	Country string `json:"country,omitempty" validate:"omitempty,iso3166_1_alpha2"`
	// Agreement references the Art. 28(3) contract with a processor.
	Agreement string `json:"agreement,omitempty" art:"28(3)"`
	// Description adds what the name does not say.
	Description string `json:"description,omitempty"`
	// Contact holds the recipient's contact details.
	Contact *Contact `json:"contact,omitempty"`
	// Processors are the ids of the register's processors this recipient
	// stands for.
	Processors []string `json:"processors,omitempty"`
	// AllProcessors says that the recipient stands for every processor of
	// the register's inventory.
	AllProcessors bool `json:"allProcessors,omitempty"`
	// Data are the ids of the activity's data categories disclosed to the
	// recipient; empty: not said. A sub-processor of a processor record,
	// which has no data categories, names the data as the record does.
	Data []string `json:"data,omitempty"`
}

// Transfer is a transfer to a third country or an international
// organisation (Art. 30(1)(e), Chapter V).
type Transfer struct {
	// Country is the third country (ISO 3166-1 alpha-2). Required unless
	// Organisation is given.
	Country string `json:"country,omitempty" validate:"required_without=Organisation,omitempty,iso3166_1_alpha2"`
	// Organisation names the international organisation. Required unless
	// Country is given.
	Organisation string `json:"organisation,omitempty"`
	// Recipient names the importer.
	Recipient string `json:"recipient,omitempty"`
	// Mechanism is the ground of the transfer under Chapter V.
	Mechanism lawfulbasis.Mechanism `json:"mechanism,omitempty" validate:"omitempty,enum" art:"44"`
	// Reference cites the instrument (decision, clauses, module).
	Reference string `json:"reference,omitempty"`
	// Assessment references the transfer impact assessment (C-311/18).
	Assessment string `json:"assessment,omitempty"`
	// DPF says whether a US recipient is on the Data Privacy Framework List.
	DPF *bool `json:"dpf,omitempty" art:"45"`
	// Scope says which limited adequacy decision covers the recipient:
	// dpf-list (as dpf: true), pipeda, appi, pipa or lgpd.
	Scope lawfulbasis.Scope `json:"scope,omitempty" validate:"omitempty,enum" art:"45"`
	// Derogation is the Art. 49(1) derogation; required with mechanism derogation.
	Derogation lawfulbasis.Derogation `json:"derogation,omitempty" validate:"required_if=Mechanism derogation,omitempty,enum" art:"49(1)"`
	// PublicAuthority says whether the importer is a public authority or
	// body, which an adequacy decision limited to the private sector does
	// not cover (Art. 45(1); Decisions (EU) 2019/419 and 2022/254). Nil: not
	// stated.
	PublicAuthority *bool `json:"publicAuthority,omitempty" art:"45"`
	// Safeguards documents the suitable safeguards of a transfer on compelling
	// legitimate interests (Art. 49(6), Art. 30(1)(e)).
	Safeguards string `json:"safeguards,omitempty" art:"49(6)"`
	// Note explains the transfer as the source puts it.
	Note string `json:"note,omitempty"`
}

// DecisionGrounds are the grounds of an activity's decisions based solely
// on automated processing that produce legal or similarly significant
// effects (Art. 22).
type DecisionGrounds struct {
	// Exception is the exception of Art. 22(2) the decisions rest on.
	Exception DecisionException `json:"exception,omitempty" validate:"omitempty,enum" art:"22(2)"`
	// Law cites the Union or member state law that authorises the decisions
	// (Art. 22(2)(b)).
	Law string `json:"law,omitempty" art:"22(2)(b)"`
	// Safeguards describes the measures that safeguard the data subject's
	// rights, at least the right to obtain human intervention, to express
	// their point of view and to contest the decision (Art. 22(3)).
	Safeguards string `json:"safeguards,omitempty" art:"22(3)"`
}

// DecisionException is an exception of Art. 22(2) to the right not to be
// subject to a decision based solely on automated processing.
type DecisionException string

// The exceptions of Art. 22(2)(a)-(c).
const (
	// DecisionContract: necessary for entering into or performing a
	// contract with the data subject (Art. 22(2)(a)).
	DecisionContract DecisionException = "contract"
	// DecisionLaw: authorised by Union or member state law with suitable
	// safeguards (Art. 22(2)(b)).
	DecisionLaw DecisionException = "law"
	// DecisionExplicitConsent: based on the data subject's explicit consent
	// (Art. 22(2)(c)).
	DecisionExplicitConsent DecisionException = "explicit-consent"
)

// DecisionExceptions lists the exceptions in the order of Art. 22(2).
func DecisionExceptions() []DecisionException {
	return []DecisionException{DecisionContract, DecisionLaw, DecisionExplicitConsent}
}

// Valid reports whether e is one of the exceptions.
func (e DecisionException) Valid() bool { return slices.Contains(DecisionExceptions(), e) }

// String returns the exception's identifier.
func (e DecisionException) String() string { return string(e) }

// Article returns the provision, such as "Art. 22(2)(a) GDPR".
func (e DecisionException) Article() string {
	switch e {
	case DecisionContract:
		return "Art. 22(2)(a) GDPR"
	case DecisionLaw:
		return "Art. 22(2)(b) GDPR"
	case DecisionExplicitConsent:
		return "Art. 22(2)(c) GDPR"
	}
	return "Art. 22(2) GDPR"
}

func init() { enumValues[reflect.TypeFor[DecisionException]()] = strs(DecisionExceptions()) }

// RetentionRule is the retention term of some or all data categories of an
// activity (Art. 30(1)(f)).
type RetentionRule struct {
	// Data are the ids of the data categories the term applies to; empty
	// means all categories of the activity.
	Data []string `json:"data,omitempty"`
	// Subjects are the ids of the data-subject categories whose data the
	// term applies to; empty means all of them.
	Subjects []string `json:"subjects,omitempty"`
	// The term is checked as a whole by the rule invalid-retention, not
	// field by field.
	retention.Term `validate:"-"`
}

// DPIA records the data protection impact assessment of an activity (Art. 35).
type DPIA struct {
	// Status is required, not-required, planned, done or not-done (none
	// carried out, without saying whether one is required). Required.
	Status DPIAStatus `json:"status" validate:"required,enum"`
	// Reference identifies the assessment document.
	Reference string `json:"reference,omitempty"`
	// Date is the date of the assessment or of the decision not to make one.
	Date Date `json:"date,omitzero"`
	// Criteria are the criteria of the WP29 guidelines (WP248 rev.01) that
	// the organisation declares the activity meets.
	Criteria []DPIACriterion `json:"criteria,omitempty" validate:"dive,enum"`
}

// ProcessorRecord is a category of processing carried out on behalf of one
// or more controllers (Art. 30(2)).
type ProcessorRecord struct {
	// ID identifies the record. Required, unique.
	ID string `json:"id" validate:"required"`
	// Name names the category of processing. Required.
	Name string `json:"name" validate:"required"`
	// Controllers are the controllers on whose behalf the processing is
	// carried out. Art. 30(2)(a). Required, one or more.
	Controllers []Party `json:"controllers,omitempty" validate:"min=1,dive" art:"30(2)(a)"`
	// Categories are the categories of processing carried out on behalf of
	// each controller. Art. 30(2)(b). Required, one or more.
	Categories []string `json:"categories,omitempty" validate:"min=1,dive,required" art:"30(2)(b)"`
	// SubProcessors are the other processors engaged (Art. 28(2), (4)).
	SubProcessors []Recipient `json:"subProcessors,omitempty" validate:"dive" art:"28(2)"`
	// Systems are the ids of the register's systems the processing uses.
	Systems []string `json:"systems,omitempty"`
	// Transfers are transfers to third countries or international
	// organisations. Art. 30(2)(c).
	Transfers []Transfer `json:"transfers,omitempty" validate:"dive" art:"30(2)(c)"`
	// Measures are the ids of the security measures that apply. Art. 30(2)(d).
	Measures []string `json:"measures,omitempty" art:"30(2)(d)"`
	// Notes are remarks that fit nowhere else.
	Notes string `json:"notes,omitempty"`
}

// Waiver accepts one finding of a check, with the reason.
type Waiver struct {
	// Rule is the id of the rule whose finding is accepted. Required.
	Rule string `json:"rule" validate:"required"`
	// Activity limits the waiver to one activity or processing record id.
	Activity string `json:"activity,omitempty"`
	// Path limits the waiver to one element and what it contains, such as
	// activities[2].transfers[0].
	Path Path `json:"path,omitzero"`
	// Reason says why the finding is accepted. Required.
	Reason string `json:"reason" validate:"required"`
}
