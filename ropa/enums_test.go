package ropa

import (
	"testing"

	"github.com/openropa/registry/lawfulbasis"
	"github.com/openropa/registry/retention"
	"github.com/stretchr/testify/assert"
)

func TestEnums(t *testing.T) {
	for _, k := range MeasureKinds() {
		assert.True(t, k.Valid())
		assert.Equal(t, string(k), k.String())
	}
	for _, k := range SubjectKinds() {
		assert.True(t, k.Valid())
		assert.Equal(t, string(k), k.String())
	}
	for _, k := range DataSources() {
		assert.True(t, k.Valid())
		assert.Equal(t, string(k), k.String())
	}
	for _, k := range RecipientKinds() {
		assert.True(t, k.Valid())
		assert.Equal(t, string(k), k.String())
	}
	for _, k := range DPIAStatuses() {
		assert.True(t, k.Valid())
		assert.Equal(t, string(k), k.String())
	}
	assert.Len(t, DPIACriteria(), 9, "the nine criteria of WP248 rev.01")
	for _, k := range DPIACriteria() {
		assert.True(t, k.Valid())
		assert.Equal(t, string(k), k.String())
	}
	assert.False(t, MeasureKind("physical").Valid())
	assert.True(t, Child.Vulnerable())
	assert.True(t, Employee.Vulnerable())
	assert.False(t, Customer.Vulnerable())
	assert.Equal(t, []string{"technical", "organisational"}, EnumValuesOf(Technical))
	assert.Equal(t, []string{"destroy", "anonymise", "pseudonymise", "archive"}, EnumValuesOf(retention.Destroy))
	assert.NotEmpty(t, EnumValuesOf(lawfulbasis.Consent))
	assert.Nil(t, EnumValuesOf(""), "a plain string is no enumeration")
	assert.Nil(t, EnumValuesOf(retention.Collection), "events are open: a register names its own")
	assert.Nil(t, EnumValuesOf(nil))
	assert.True(t, Warning.Valid())
	assert.Equal(t, "warning", Warning.String())
	assert.False(t, Severity("fatal").Valid())
}
