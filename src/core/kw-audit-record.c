/* kw-audit-record.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-audit-log.h"

#include <json-glib/json-glib.h>

/* One line of the audit log, read back for the audit log view; the reading
 * itself is in kw-audit-log.c, behind the appends. */

struct _KwAuditRecord
{
  GObject    parent_instance;

  GDateTime *time;
  char      *actor;
  char      *user_pool_id;
  char      *username;
  char      *action;
  char      *outcome;
  char      *request_id;
};

G_DEFINE_FINAL_TYPE (KwAuditRecord, kw_audit_record, G_TYPE_OBJECT)

enum {
  RECORD_PROP_0,
  RECORD_PROP_TIME,
  RECORD_PROP_ACTOR,
  RECORD_PROP_USER_POOL_ID,
  RECORD_PROP_USERNAME,
  RECORD_PROP_ACTION,
  RECORD_PROP_OUTCOME,
  RECORD_PROP_REQUEST_ID,
  RECORD_PROP_SUCCESS,
  RECORD_N_PROPS
};

static GParamSpec *record_properties[RECORD_N_PROPS];

static void
kw_audit_record_finalize (GObject *object)
{
  KwAuditRecord *self = KW_AUDIT_RECORD (object);

  g_clear_pointer (&self->time, g_date_time_unref);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->user_pool_id, g_free);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->action, g_free);
  g_clear_pointer (&self->outcome, g_free);
  g_clear_pointer (&self->request_id, g_free);

  G_OBJECT_CLASS (kw_audit_record_parent_class)->finalize (object);
}

static void
kw_audit_record_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KwAuditRecord *self = KW_AUDIT_RECORD (object);

  switch (prop_id)
    {
    case RECORD_PROP_TIME:
      g_value_set_boxed (value, self->time);
      break;
    case RECORD_PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    case RECORD_PROP_USER_POOL_ID:
      g_value_set_string (value, self->user_pool_id);
      break;
    case RECORD_PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;
    case RECORD_PROP_ACTION:
      g_value_set_string (value, self->action);
      break;
    case RECORD_PROP_OUTCOME:
      g_value_set_string (value, self->outcome);
      break;
    case RECORD_PROP_REQUEST_ID:
      g_value_set_string (value, self->request_id);
      break;
    case RECORD_PROP_SUCCESS:
      g_value_set_boolean (value, kw_audit_record_get_success (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
record_string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
kw_audit_record_class_init (KwAuditRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kw_audit_record_finalize;
  object_class->get_property = kw_audit_record_get_property;

  /**
   * KwAuditRecord:time:
   *
   * When the action happened, in UTC.
   */
  record_properties[RECORD_PROP_TIME] =
    g_param_spec_boxed ("time", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  record_properties[RECORD_PROP_ACTOR] = record_string_property ("actor");
  record_properties[RECORD_PROP_USER_POOL_ID] = record_string_property ("user-pool-id");
  record_properties[RECORD_PROP_USERNAME] = record_string_property ("username");
  record_properties[RECORD_PROP_ACTION] = record_string_property ("action");
  record_properties[RECORD_PROP_OUTCOME] = record_string_property ("outcome");
  record_properties[RECORD_PROP_REQUEST_ID] = record_string_property ("request-id");
  /**
   * KwAuditRecord:success:
   *
   * Whether the outcome is "success" rather than an error's name.
   */
  record_properties[RECORD_PROP_SUCCESS] =
    g_param_spec_boolean ("success", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, RECORD_N_PROPS, record_properties);
}

static void
kw_audit_record_init (KwAuditRecord *self)
{
}

/* A string member, %NULL when it is null or missing; FALSE when it is
 * something else, which no line Keyway writes has. */
static gboolean
dup_string_member (JsonObject  *object,
                   const char  *name,
                   char       **value)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  *value = g_strdup (json_node_get_string (node));
  return TRUE;
}

static KwAuditRecord *
record_from_json (JsonParser *parser,
                  const char *line)
{
  g_autoptr(KwAuditRecord) self = NULL;
  g_autofree char *time = NULL;
  JsonObject *object;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, line, -1, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);

  self = g_object_new (KW_TYPE_AUDIT_RECORD, NULL);
  if (!dup_string_member (object, "time", &time) || time == NULL ||
      !dup_string_member (object, "actor", &self->actor) ||
      !dup_string_member (object, "userPoolId", &self->user_pool_id) ||
      !dup_string_member (object, "username", &self->username) ||
      !dup_string_member (object, "action", &self->action) ||
      !dup_string_member (object, "outcome", &self->outcome) ||
      !dup_string_member (object, "requestId", &self->request_id))
    return NULL;

  self->time = g_date_time_new_from_iso8601 (time, NULL);
  if (self->time == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * kw_audit_record_new_from_json:
 * @line: one line of the log, without its line break
 *
 * A record needs an object with a `time` in RFC 3339; the other members are
 * strings or null, and may be missing.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL if @line is not one
 */
KwAuditRecord *
kw_audit_record_new_from_json (const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_return_val_if_fail (line != NULL, NULL);

  return record_from_json (parser, line);
}

/**
 * kw_audit_record_get_time:
 *
 * Returns: (transfer none): when the action happened, in UTC
 */
GDateTime *
kw_audit_record_get_time (KwAuditRecord *self)
{
  g_return_val_if_fail (KW_IS_AUDIT_RECORD (self), NULL);

  return self->time;
}

const char *
kw_audit_record_get_actor (KwAuditRecord *self)
{
  g_return_val_if_fail (KW_IS_AUDIT_RECORD (self), NULL);

  return self->actor;
}

const char *
kw_audit_record_get_user_pool_id (KwAuditRecord *self)
{
  g_return_val_if_fail (KW_IS_AUDIT_RECORD (self), NULL);

  return self->user_pool_id;
}

const char *
kw_audit_record_get_username (KwAuditRecord *self)
{
  g_return_val_if_fail (KW_IS_AUDIT_RECORD (self), NULL);

  return self->username;
}

const char *
kw_audit_record_get_action (KwAuditRecord *self)
{
  g_return_val_if_fail (KW_IS_AUDIT_RECORD (self), NULL);

  return self->action;
}

const char *
kw_audit_record_get_outcome (KwAuditRecord *self)
{
  g_return_val_if_fail (KW_IS_AUDIT_RECORD (self), NULL);

  return self->outcome;
}

const char *
kw_audit_record_get_request_id (KwAuditRecord *self)
{
  g_return_val_if_fail (KW_IS_AUDIT_RECORD (self), NULL);

  return self->request_id;
}

gboolean
kw_audit_record_get_success (KwAuditRecord *self)
{
  g_return_val_if_fail (KW_IS_AUDIT_RECORD (self), FALSE);

  return g_strcmp0 (self->outcome, "success") == 0;
}

