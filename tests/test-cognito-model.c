/* test-cognito-model.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cognito-model.h"
#include "kw-test-utils.h"

#include <json-glib/json-glib.h>
#include <string.h>

#define CLIENT_ID "4example5clientid6789abcde"
#define POOL_ID   "eu-west-1_AbCdEf123"
#define USERNAME  "jane.doe@example.com"

/* Every password here carries this mark, so a test can prove that no error
 * message ever repeats a password, whatever else is wrong with it. */
#define SECRET_MARK "S3cr3tMark"
#define PASSWORD    "Hunter2-" SECRET_MARK "-Battery"

static const char * const operation_short_names[] = {
  "forgot-password",
  "confirm-forgot-password",
  "admin-reset-user-password",
  "admin-get-user",
  "admin-set-user-password",
  "list-users",
};

G_STATIC_ASSERT (G_N_ELEMENTS (operation_short_names) == KW_COGNITO_N_OPERATIONS);

/* The smallest request each operation accepts; each case changes one thing. */
static const char * const base_inputs[] = {
  "{\"ClientId\":\"" CLIENT_ID "\",\"Username\":\"" USERNAME "\"}",
  "{\"ClientId\":\"" CLIENT_ID "\",\"Username\":\"" USERNAME "\","
  "\"ConfirmationCode\":\"123456\",\"Password\":\"" PASSWORD "\"}",
  "{\"UserPoolId\":\"" POOL_ID "\",\"Username\":\"" USERNAME "\"}",
  "{\"UserPoolId\":\"" POOL_ID "\",\"Username\":\"" USERNAME "\"}",
  "{\"UserPoolId\":\"" POOL_ID "\",\"Username\":\"" USERNAME "\",\"Password\":\"" PASSWORD "\"}",
  "{\"UserPoolId\":\"" POOL_ID "\"}",
};

G_STATIC_ASSERT (G_N_ELEMENTS (base_inputs) == KW_COGNITO_N_OPERATIONS);

/* ------------------------------------------------------------------------
 * The tables against the service model
 * ------------------------------------------------------------------------ */

static JsonParser *
load_model (void)
{
  g_autofree char *path = kw_test_shared_path ("aws-model", "cognito-idp-2016-04-18.json", NULL);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return NULL;

  parser = json_parser_new_immutable ();
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return g_steal_pointer (&parser);
}

static JsonObject *
model_shape (JsonObject *model,
             const char *name)
{
  JsonObject *shapes = json_object_get_object_member (model, "shapes");

  g_assert_true (json_object_has_member (shapes, name));
  return json_object_get_object_member (shapes, name);
}

static KwShapeKind
kind_from_model_type (const char *type)
{
  static const struct {
    const char  *type;
    KwShapeKind  kind;
  } kinds[] = {
    { "string", KW_SHAPE_STRING },
    { "boolean", KW_SHAPE_BOOLEAN },
    { "integer", KW_SHAPE_INTEGER },
    { "map", KW_SHAPE_MAP },
    { "list", KW_SHAPE_LIST },
    { "structure", KW_SHAPE_STRUCTURE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_strcmp0 (kinds[i].type, type) == 0)
        return kinds[i].kind;
    }

  g_error ("The model uses a shape type \"%s\" that the tables cannot express", type);
}

static const char *
shape_ref_name (JsonObject *object,
                const char *member)
{
  return json_object_get_string_member (json_object_get_object_member (object, member), "shape");
}

static gint64
model_bound (JsonObject *shape,
             const char *member)
{
  return json_object_has_member (shape, member) ? json_object_get_int_member (shape, member) : -1;
}

static void compare_members (JsonObject     *model,
                             const char     *where,
                             JsonObject     *structure,
                             const KwMember *members);

/* One shape of ours against the model's shape of that name, down to the
 * leaves: a constraint that drifts would refuse what the service accepts,
 * or send what it refuses. */
static void
compare_shape (JsonObject    *model,
               const char    *where,
               const char    *shape_name,
               const KwShape *ours)
{
  JsonObject *shape = model_shape (model, shape_name);
  const char *pattern = json_object_has_member (shape, "pattern")
    ? json_object_get_string_member (shape, "pattern")
    : NULL;

  g_test_message ("%s: %s", where, shape_name);

  g_assert_nonnull (ours);
  g_assert_cmpstr (ours->name, ==, shape_name);
  g_assert_cmpint (ours->kind, ==,
                   kind_from_model_type (json_object_get_string_member (shape, "type")));
  g_assert_cmpint (ours->min, ==, model_bound (shape, "min"));
  g_assert_cmpint (ours->max, ==, model_bound (shape, "max"));
  g_assert_cmpstr (ours->pattern, ==, pattern);

  switch (ours->kind)
    {
    case KW_SHAPE_STRUCTURE:
      g_assert_null (ours->element);
      compare_members (model, where, shape, ours->members);
      break;

    case KW_SHAPE_MAP:
      {
        g_autofree char *key_where = g_strconcat (where, " key", NULL);
        g_autofree char *value_where = g_strconcat (where, " value", NULL);

        /* Our map keys and values share one shape. */
        compare_shape (model, key_where,
                       shape_ref_name (shape, "key"),
                       ours->element);
        compare_shape (model, value_where,
                       shape_ref_name (shape, "value"),
                       ours->element);
      }
      break;

    case KW_SHAPE_LIST:
      {
        g_autofree char *item_where = g_strconcat (where, "[]", NULL);

        compare_shape (model, item_where,
                       shape_ref_name (shape, "member"),
                       ours->element);
      }
      break;

    case KW_SHAPE_STRING:
    case KW_SHAPE_BOOLEAN:
    case KW_SHAPE_INTEGER:
      g_assert_null (ours->element);
      g_assert_null (ours->members);
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
model_is_required (JsonObject *structure,
                   const char *member)
{
  JsonArray *required;

  if (!json_object_has_member (structure, "required"))
    return FALSE;

  required = json_object_get_array_member (structure, "required");
  for (guint i = 0; i < json_array_get_length (required); i++)
    {
      if (g_strcmp0 (json_array_get_string_element (required, i), member) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
compare_members (JsonObject     *model,
                 const char     *where,
                 JsonObject     *structure,
                 const KwMember *members)
{
  JsonObject *model_members = json_object_get_object_member (structure, "members");
  guint n_ours = 0;

  g_assert_nonnull (members);

  for (const KwMember *member = members; member->name != NULL; member++)
    {
      g_autofree char *member_where = g_strconcat (where, ".", member->name, NULL);
      JsonObject *model_member;

      g_test_message ("%s", member_where);
      g_assert_true (json_object_has_member (model_members, member->name));
      model_member = json_object_get_object_member (model_members, member->name);

      g_assert_cmpint (member->required, ==, model_is_required (structure, member->name));
      compare_shape (model, member_where, json_object_get_string_member (model_member, "shape"),
                     member->shape);
      n_ours++;
    }

  /* Names are unique in both, so equal counts make the sets equal. */
  g_assert_cmpuint (n_ours, ==, json_object_get_size (model_members));
}

static void
test_model_operation (gconstpointer data)
{
  KwCognitoOperation operation = GPOINTER_TO_UINT (data);
  g_autoptr(JsonParser) parser = load_model ();
  g_autoptr(GHashTable) model_errors = g_hash_table_new (NULL, NULL);
  JsonObject *model;
  JsonObject *op;
  JsonArray *errors;
  const KwCognitoError *ours;
  const char *name = kw_cognito_operation_get_name (operation);
  guint n_ours = 0;

  if (parser == NULL)
    return;

  model = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (json_object_get_object_member (model, "operations"),
                                         name));
  op = json_object_get_object_member (json_object_get_object_member (model, "operations"), name);
  g_assert_cmpstr (json_object_get_string_member (op, "name"), ==, name);

  /* Unsigned exactly when the model says no authentication: a signed
   * ForgotPassword would need IAM keys a person does not have, an unsigned
   * admin call is refused. */
  g_assert_cmpint (kw_cognito_operation_is_signed (operation), ==,
                   g_strcmp0 (json_object_get_string_member_with_default (op, "authtype", NULL),
                              "none") != 0);

  /* The input structure, member by member. */
  compare_members (model, name,
                   model_shape (model, shape_ref_name (op, "input")),
                   kw_cognito_operation_get_input (operation));

  /* The errors: the same set, each known by name. */
  errors = json_object_get_array_member (op, "errors");
  for (guint i = 0; i < json_array_get_length (errors); i++)
    {
      const char *error_name =
        json_object_get_string_member (json_array_get_object_element (errors, i), "shape");
      KwCognitoError code;

      g_test_message ("error %s", error_name);
      g_assert_true (kw_cognito_error_code_from_name (error_name, &code));
      g_hash_table_add (model_errors, GUINT_TO_POINTER (code));
    }

  ours = kw_cognito_operation_get_errors (operation, &n_ours);
  g_assert_cmpuint (n_ours, ==, json_array_get_length (errors));
  g_assert_cmpuint (n_ours, ==, g_hash_table_size (model_errors));
  for (guint i = 0; i < n_ours; i++)
    {
      g_test_message ("ours %s", kw_cognito_error_code_to_name (ours[i]));
      g_assert_true (g_hash_table_contains (model_errors, GUINT_TO_POINTER (ours[i])));
      g_assert_true (kw_cognito_operation_can_return (operation, ours[i]));
    }
}

/* Shapes that connections validate their fields with, outside any request. */
static void
test_model_named_shapes (void)
{
  static const char *names[] = {
    "ClientIdType", "ClientSecretType", "UserPoolIdType",
    "UsernameType", "PasswordType", "ConfirmationCodeType",
  };
  g_autoptr(JsonParser) parser = load_model ();
  JsonObject *model;

  g_assert_null (kw_cognito_shape_lookup ("NoSuchType"));

  if (parser == NULL)
    return;

  model = json_node_get_object (json_parser_get_root (parser));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    compare_shape (model, "named", names[i], kw_cognito_shape_lookup (names[i]));
}

static void
test_validate_string (void)
{
  const KwShape *secret = kw_cognito_shape_lookup ("ClientSecretType");
  g_autoptr(GError) error = NULL;

  g_assert_true (kw_cognito_validate_string (secret, "ClientSecret",
                                             "k3ywaySecretForTests0123456789abcdef", &error));
  g_assert_no_error (error);

  /* 23 characters: one short of the model's minimum. */
  g_assert_false (kw_cognito_validate_string (secret, "ClientSecret",
                                              "k3ywaySecretForTests012", &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_PARAMETER);
  g_assert_cmpstr (kw_cognito_error_get_field (error), ==, "ClientSecret");
  g_assert_null (strstr (error->message, "k3yway"));
  g_clear_error (&error);

  g_assert_false (kw_cognito_validate_string (secret, "ClientSecret",
                                              "k3ywaySecretForTests/0123456789", &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_PARAMETER);
  g_assert_null (strstr (error->message, "k3yway"));
}

/* Each Cognito exception in our error domain is an exception the model
 * declares, spelled as the model spells it. */
static void
test_model_exceptions (void)
{
  g_autoptr(JsonParser) parser = load_model ();
  JsonObject *model;

  if (parser == NULL)
    return;

  model = json_node_get_object (json_parser_get_root (parser));

  for (KwCognitoError code = KW_COGNITO_ERROR_CODE_DELIVERY_FAILURE;
       code <= KW_COGNITO_ERROR_USER_NOT_FOUND;
       code++)
    {
      const char *name = kw_cognito_error_code_to_name (code);
      JsonObject *shape;

      g_test_message ("%s", name);
      g_assert_nonnull (name);
      shape = model_shape (model, name);
      g_assert_true (json_object_get_boolean_member_with_default (shape, "exception", FALSE));
    }
}

/* ------------------------------------------------------------------------
 * kw_cognito_operation_can_return
 * ------------------------------------------------------------------------ */

/* What an operation can return decides which explanations the UI offers;
 * IAM errors only make sense for calls that were signed. */
static void
test_can_return (void)
{
  g_assert_true (kw_cognito_operation_can_return (KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD,
                                                  KW_COGNITO_ERROR_CODE_MISMATCH));
  g_assert_false (kw_cognito_operation_can_return (KW_COGNITO_OPERATION_ADMIN_GET_USER,
                                                   KW_COGNITO_ERROR_CODE_MISMATCH));
  g_assert_false (kw_cognito_operation_can_return (KW_COGNITO_OPERATION_FORGOT_PASSWORD,
                                                   KW_COGNITO_ERROR_INVALID_PASSWORD));

  for (KwCognitoOperation operation = 0; operation < KW_COGNITO_N_OPERATIONS; operation++)
    {
      gboolean is_signed = kw_cognito_operation_is_signed (operation);

      g_test_message ("%s", kw_cognito_operation_get_name (operation));
      g_assert_cmpint (kw_cognito_operation_can_return (operation,
                                                        KW_COGNITO_ERROR_UNRECOGNIZED_CLIENT),
                       ==, is_signed);
      g_assert_cmpint (kw_cognito_operation_can_return (operation,
                                                        KW_COGNITO_ERROR_INVALID_SIGNATURE),
                       ==, is_signed);
      g_assert_cmpint (kw_cognito_operation_can_return (operation,
                                                        KW_COGNITO_ERROR_NO_CREDENTIALS),
                       ==, is_signed);
      g_assert_true (kw_cognito_operation_can_return (operation, KW_COGNITO_ERROR_TIMEOUT));
      g_assert_true (kw_cognito_operation_can_return (operation,
                                                      KW_COGNITO_ERROR_INVALID_RESPONSE));
      g_assert_true (kw_cognito_operation_can_return (operation,
                                                      KW_COGNITO_ERROR_INSECURE_ENDPOINT));
    }
}

/* ------------------------------------------------------------------------
 * Validation
 * ------------------------------------------------------------------------ */

typedef enum
{
  EDIT_NONE,     /* the base input as it is */
  EDIT_REMOVE,   /* remove the member */
  EDIT_JSON,     /* set it to a JSON value */
  EDIT_STRING,   /* set it to a C string, which need not be valid UTF-8 */
  EDIT_REPEAT,   /* set it to a string of value repeated count times */
} EditKind;

typedef struct
{
  KwCognitoOperation  operation;
  const char         *name;
  const char         *path;     /* dotted; structures and map keys alike */
  EditKind            kind;
  const char         *value;
  guint               count;
  const char         *field;    /* the field the error names; NULL when valid */
} ValidationCase;

#define OP_FP   KW_COGNITO_OPERATION_FORGOT_PASSWORD
#define OP_CFP  KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD
#define OP_ARUP KW_COGNITO_OPERATION_ADMIN_RESET_USER_PASSWORD
#define OP_AGU  KW_COGNITO_OPERATION_ADMIN_GET_USER
#define OP_ASUP KW_COGNITO_OPERATION_ADMIN_SET_USER_PASSWORD
#define OP_LU   KW_COGNITO_OPERATION_LIST_USERS

/* UTF-8 spelled out with escapes, so that no editor normalises them. */
#define E_ACUTE     "\xc3\xa9"          /* é, two bytes */
#define EMOJI       "\xf0\x9f\x98\x80"  /* U+1F600, four bytes, one character */
#define NBSP        "\xc2\xa0"          /* U+00A0 NO-BREAK SPACE */
#define EM_SPACE    "\xe2\x80\x83"      /* U+2003 EM SPACE */
#define ZW_SPACE    "\xe2\x80\x8b"      /* U+200B ZERO WIDTH SPACE, a format character */
#define COMBINING   "e\xcc\x88"         /* e + U+0308 COMBINING DIAERESIS */
#define INVALID     "\xff"

static const ValidationCase validation_cases[] = {
  /* The base inputs themselves. */
  { OP_FP, "base", NULL, EDIT_NONE, NULL, 0, NULL },
  { OP_CFP, "base", NULL, EDIT_NONE, NULL, 0, NULL },
  { OP_ARUP, "base", NULL, EDIT_NONE, NULL, 0, NULL },
  { OP_AGU, "base", NULL, EDIT_NONE, NULL, 0, NULL },
  { OP_ASUP, "base", NULL, EDIT_NONE, NULL, 0, NULL },
  { OP_LU, "base", NULL, EDIT_NONE, NULL, 0, NULL },

  /* Required members. */
  { OP_FP, "missing-client-id", "ClientId", EDIT_REMOVE, NULL, 0, "ClientId" },
  { OP_FP, "missing-username", "Username", EDIT_REMOVE, NULL, 0, "Username" },
  { OP_FP, "null-username", "Username", EDIT_JSON, "null", 0, "Username" },
  { OP_CFP, "missing-client-id", "ClientId", EDIT_REMOVE, NULL, 0, "ClientId" },
  { OP_CFP, "missing-username", "Username", EDIT_REMOVE, NULL, 0, "Username" },
  { OP_CFP, "missing-code", "ConfirmationCode", EDIT_REMOVE, NULL, 0, "ConfirmationCode" },
  { OP_CFP, "missing-password", "Password", EDIT_REMOVE, NULL, 0, "Password" },
  { OP_ARUP, "missing-pool-id", "UserPoolId", EDIT_REMOVE, NULL, 0, "UserPoolId" },
  { OP_ARUP, "missing-username", "Username", EDIT_REMOVE, NULL, 0, "Username" },
  { OP_AGU, "missing-pool-id", "UserPoolId", EDIT_REMOVE, NULL, 0, "UserPoolId" },
  { OP_AGU, "missing-username", "Username", EDIT_REMOVE, NULL, 0, "Username" },
  { OP_ASUP, "missing-pool-id", "UserPoolId", EDIT_REMOVE, NULL, 0, "UserPoolId" },
  { OP_ASUP, "missing-username", "Username", EDIT_REMOVE, NULL, 0, "Username" },
  { OP_ASUP, "missing-password", "Password", EDIT_REMOVE, NULL, 0, "Password" },
  { OP_LU, "missing-pool-id", "UserPoolId", EDIT_REMOVE, NULL, 0, "UserPoolId" },

  /* Members the request does not have, such as a typo or another
   * operation's member. */
  { OP_FP, "unknown-password", "Password", EDIT_STRING, PASSWORD, 0, "Password" },
  { OP_CFP, "unknown-new-password", "NewPassword", EDIT_STRING, PASSWORD, 0, "NewPassword" },
  { OP_ARUP, "unknown-analytics", "AnalyticsMetadata", EDIT_JSON, "{}", 0, "AnalyticsMetadata" },
  { OP_AGU, "unknown-permanent", "Permanent", EDIT_JSON, "true", 0, "Permanent" },
  { OP_ASUP, "unknown-code", "ConfirmationCode", EDIT_STRING, "123456", 0, "ConfirmationCode" },
  { OP_LU, "unknown-limits", "Limits", EDIT_JSON, "10", 0, "Limits" },
  { OP_LU, "unknown-username", "Username", EDIT_STRING, USERNAME, 0, "Username" },

  /* ClientId: [\w+]+ with \w ASCII-only, 1 to 128. */
  { OP_FP, "client-id-128", "ClientId", EDIT_REPEAT, "a", 128, NULL },
  { OP_FP, "client-id-plus-underscore", "ClientId", EDIT_STRING, "abc_DEF+123", 0, NULL },
  { OP_FP, "client-id-empty", "ClientId", EDIT_STRING, "", 0, "ClientId" },
  { OP_FP, "client-id-129", "ClientId", EDIT_REPEAT, "a", 129, "ClientId" },
  { OP_FP, "client-id-dash", "ClientId", EDIT_STRING, "abc-def", 0, "ClientId" },
  { OP_FP, "client-id-non-ascii", "ClientId", EDIT_STRING, "abc" E_ACUTE, 0, "ClientId" },
  { OP_FP, "client-id-space", "ClientId", EDIT_STRING, "abc def", 0, "ClientId" },
  { OP_FP, "client-id-trailing-newline", "ClientId", EDIT_STRING, "abcdef\n", 0, "ClientId" },
  { OP_FP, "client-id-number", "ClientId", EDIT_JSON, "12345", 0, "ClientId" },
  { OP_FP, "client-id-invalid-utf8", "ClientId", EDIT_STRING, "abc" INVALID, 0, "ClientId" },
  { OP_CFP, "client-id-dash", "ClientId", EDIT_STRING, "abc-def", 0, "ClientId" },

  /* SecretHash: [\w+=/]+, 1 to 128. */
  { OP_FP, "secret-hash", "SecretHash", EDIT_STRING,
    "fiOKh4IxIZBAzkLh6bTHJFCdbnnlVLzEBIv/TniKcDQ=", 0, NULL },
  { OP_FP, "secret-hash-null", "SecretHash", EDIT_JSON, "null", 0, NULL },
  { OP_FP, "secret-hash-128", "SecretHash", EDIT_REPEAT, "a+/=", 32, NULL },
  { OP_FP, "secret-hash-empty", "SecretHash", EDIT_STRING, "", 0, "SecretHash" },
  { OP_FP, "secret-hash-129", "SecretHash", EDIT_REPEAT, "a", 129, "SecretHash" },
  { OP_FP, "secret-hash-dash", "SecretHash", EDIT_STRING,
    "fiOKh4IxIZBAzkLh6bTH-JFCdbnnl", 0, "SecretHash" },
  { OP_FP, "secret-hash-space", "SecretHash", EDIT_STRING,
    "fiOKh4IxIZBA zkLh6bTHJFCdbnnl", 0, "SecretHash" },
  { OP_FP, "secret-hash-array", "SecretHash", EDIT_JSON, "[\"abc\"]", 0, "SecretHash" },
  { OP_CFP, "secret-hash-space", "SecretHash", EDIT_STRING,
    "fiOKh4IxIZBA zkLh6bTHJFCdbnnl", 0, "SecretHash" },

  /* Username: letters, marks, symbols, numbers, punctuation; 1 to 128
   * characters, not bytes. */
  { OP_FP, "username-128-multibyte", "Username", EDIT_REPEAT, E_ACUTE, 128, NULL },
  { OP_FP, "username-128-emoji", "Username", EDIT_REPEAT, EMOJI, 128, NULL },
  { OP_FP, "username-cjk", "Username", EDIT_STRING, "\xe7\x94\xa8\xe6\x88\xb7", 0, NULL },
  { OP_FP, "username-combining", "Username", EDIT_STRING, "zo" COMBINING, 0, NULL },
  { OP_FP, "username-plus-address", "Username", EDIT_STRING, "jane.doe+test@example.com", 0, NULL },
  { OP_FP, "username-apostrophe", "Username", EDIT_STRING, "o'brien", 0, NULL },
  { OP_FP, "username-symbols", "Username", EDIT_STRING, "$\xe2\x82\xac^|~", 0, NULL },
  { OP_FP, "username-uuid", "Username", EDIT_STRING,
    "0d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", 0, NULL },
  { OP_FP, "username-empty", "Username", EDIT_STRING, "", 0, "Username" },
  { OP_FP, "username-129-multibyte", "Username", EDIT_REPEAT, E_ACUTE, 129, "Username" },
  { OP_FP, "username-129-emoji", "Username", EDIT_REPEAT, EMOJI, 129, "Username" },
  { OP_FP, "username-space", "Username", EDIT_STRING, "jane doe", 0, "Username" },
  { OP_FP, "username-leading-space", "Username", EDIT_STRING, " jane", 0, "Username" },
  { OP_FP, "username-trailing-newline", "Username", EDIT_STRING, "jane\n", 0, "Username" },
  { OP_FP, "username-tab", "Username", EDIT_STRING, "jane\tdoe", 0, "Username" },
  { OP_FP, "username-nbsp", "Username", EDIT_STRING, "jane" NBSP "doe", 0, "Username" },
  { OP_FP, "username-zero-width-space", "Username", EDIT_STRING, "jane" ZW_SPACE, 0, "Username" },
  { OP_FP, "username-invalid-utf8", "Username", EDIT_STRING, "jane" INVALID, 0, "Username" },
  { OP_FP, "username-truncated-utf8", "Username", EDIT_STRING, "jane\xc3", 0, "Username" },
  { OP_FP, "username-number", "Username", EDIT_JSON, "42", 0, "Username" },
  { OP_FP, "username-boolean", "Username", EDIT_JSON, "true", 0, "Username" },
  { OP_FP, "username-object", "Username", EDIT_JSON, "{}", 0, "Username" },
  { OP_FP, "username-array", "Username", EDIT_JSON, "[\"jane\"]", 0, "Username" },
  { OP_CFP, "username-space", "Username", EDIT_STRING, "jane doe", 0, "Username" },
  { OP_ARUP, "username-space", "Username", EDIT_STRING, "jane doe", 0, "Username" },
  { OP_AGU, "username-space", "Username", EDIT_STRING, "jane doe", 0, "Username" },
  { OP_AGU, "username-129", "Username", EDIT_REPEAT, "j", 129, "Username" },
  { OP_ASUP, "username-space", "Username", EDIT_STRING, "jane doe", 0, "Username" },

  /* ConfirmationCode: [\S]+, 1 to 2048. */
  { OP_CFP, "code-2048", "ConfirmationCode", EDIT_REPEAT, "7", 2048, NULL },
  { OP_CFP, "code-letters", "ConfirmationCode", EDIT_STRING, "Ab-12_x", 0, NULL },
  { OP_CFP, "code-empty", "ConfirmationCode", EDIT_STRING, "", 0, "ConfirmationCode" },
  { OP_CFP, "code-2049", "ConfirmationCode", EDIT_REPEAT, "7", 2049, "ConfirmationCode" },
  { OP_CFP, "code-space", "ConfirmationCode", EDIT_STRING, "ab cd", 0, "ConfirmationCode" },
  { OP_CFP, "code-space-digits", "ConfirmationCode", EDIT_STRING,
    "123 456", 0, "ConfirmationCode" },
  { OP_CFP, "code-trailing-newline", "ConfirmationCode", EDIT_STRING,
    "123456\n", 0, "ConfirmationCode" },
  { OP_CFP, "code-number", "ConfirmationCode", EDIT_JSON, "123456", 0, "ConfirmationCode" },
  { OP_CFP, "code-invalid-utf8", "ConfirmationCode", EDIT_STRING,
    "1234" INVALID, 0, "ConfirmationCode" },

  /* Password: [\S]+ with Java's \S, which only excludes ASCII white space;
   * at most 256 characters. */
  { OP_CFP, "password-nbsp", "Password", EDIT_STRING, "Hunter2" NBSP SECRET_MARK, 0, NULL },
  { OP_CFP, "password-em-space", "Password", EDIT_STRING, "Hunter2" EM_SPACE SECRET_MARK, 0, NULL },
  { OP_CFP, "password-symbols", "Password", EDIT_STRING, "P@ss:w0rd!#\"\\{}" SECRET_MARK, 0, NULL },
  { OP_CFP, "password-256", "Password", EDIT_REPEAT, "x", 256, NULL },
  { OP_CFP, "password-256-multibyte", "Password", EDIT_REPEAT, E_ACUTE, 256, NULL },
  { OP_CFP, "password-one", "Password", EDIT_STRING, "x", 0, NULL },
  { OP_CFP, "password-empty", "Password", EDIT_STRING, "", 0, "Password" },
  { OP_CFP, "password-257", "Password", EDIT_REPEAT, "x", 257, "Password" },
  { OP_CFP, "password-257-multibyte", "Password", EDIT_REPEAT, E_ACUTE, 257, "Password" },
  { OP_CFP, "password-space", "Password", EDIT_STRING, "Hunter2 " SECRET_MARK, 0, "Password" },
  { OP_CFP, "password-tab", "Password", EDIT_STRING, "Hunter2\t" SECRET_MARK, 0, "Password" },
  { OP_CFP, "password-newline", "Password", EDIT_STRING,
    "Hunter2" SECRET_MARK "\n", 0, "Password" },
  { OP_CFP, "password-carriage-return", "Password", EDIT_STRING,
    "Hunter2\r" SECRET_MARK, 0, "Password" },
  { OP_CFP, "password-vertical-tab", "Password", EDIT_STRING,
    "Hunter2\v" SECRET_MARK, 0, "Password" },
  { OP_CFP, "password-form-feed", "Password", EDIT_STRING, "Hunter2\f" SECRET_MARK, 0, "Password" },
  { OP_CFP, "password-invalid-utf8", "Password", EDIT_STRING,
    "Hunter2" INVALID SECRET_MARK, 0, "Password" },
  { OP_CFP, "password-number", "Password", EDIT_JSON, "12345678", 0, "Password" },
  { OP_ASUP, "password-nbsp", "Password", EDIT_STRING, "Hunter2" NBSP SECRET_MARK, 0, NULL },
  { OP_ASUP, "password-space", "Password", EDIT_STRING, "Hunter2 " SECRET_MARK, 0, "Password" },
  { OP_ASUP, "password-tab", "Password", EDIT_STRING, "Hunter2\t" SECRET_MARK, 0, "Password" },
  { OP_ASUP, "password-257", "Password", EDIT_REPEAT, "x", 257, "Password" },
  { OP_ASUP, "password-empty", "Password", EDIT_STRING, "", 0, "Password" },
  { OP_ASUP, "password-invalid-utf8", "Password", EDIT_STRING,
    "Hunter2" INVALID SECRET_MARK, 0, "Password" },

  /* UserPoolId: [\w-]+_[0-9a-zA-Z]+, 1 to 55. */
  { OP_AGU, "pool-id-55", "UserPoolId", EDIT_STRING,
    "us-gov-west-1_abcdefghijklmnopqrstuvwxyz0123456789ABCDE", 0, NULL },
  { OP_AGU, "pool-id-56", "UserPoolId", EDIT_STRING,
    "us-gov-west-1_abcdefghijklmnopqrstuvwxyz0123456789ABCDEF", 0, "UserPoolId" },
  { OP_AGU, "pool-id-empty", "UserPoolId", EDIT_STRING, "", 0, "UserPoolId" },
  { OP_AGU, "pool-id-no-underscore", "UserPoolId", EDIT_STRING, "eu-west-1", 0, "UserPoolId" },
  { OP_AGU, "pool-id-nothing-after", "UserPoolId", EDIT_STRING, "eu-west-1_", 0, "UserPoolId" },
  { OP_AGU, "pool-id-dash-after", "UserPoolId", EDIT_STRING, "eu-west-1_AbC-123", 0, "UserPoolId" },
  { OP_AGU, "pool-id-space", "UserPoolId", EDIT_STRING, "eu-west-1_AbC 123", 0, "UserPoolId" },
  { OP_AGU, "pool-id-non-ascii", "UserPoolId", EDIT_STRING,
    E_ACUTE "u-west-1_AbC123", 0, "UserPoolId" },
  { OP_AGU, "pool-id-trailing-newline", "UserPoolId", EDIT_STRING, POOL_ID "\n", 0, "UserPoolId" },
  { OP_AGU, "pool-id-number", "UserPoolId", EDIT_JSON, "1", 0, "UserPoolId" },
  { OP_ARUP, "pool-id-no-underscore", "UserPoolId", EDIT_STRING, "eu-west-1", 0, "UserPoolId" },
  { OP_ASUP, "pool-id-no-underscore", "UserPoolId", EDIT_STRING, "eu-west-1", 0, "UserPoolId" },
  { OP_LU, "pool-id-no-underscore", "UserPoolId", EDIT_STRING, "eu-west-1", 0, "UserPoolId" },
  { OP_LU, "pool-id-56", "UserPoolId", EDIT_REPEAT, "a_", 28, "UserPoolId" },

  /* UserContextData: a structure of two strings. */
  { OP_FP, "context-full", "UserContextData", EDIT_JSON,
    "{\"IpAddress\":\"192.0.2.1\",\"EncodedData\":\"eyJ0eXAiOiJKV1Qi fingerprint\"}", 0, NULL },
  { OP_FP, "context-empty", "UserContextData", EDIT_JSON, "{}", 0, NULL },
  { OP_FP, "context-empty-strings", "UserContextData", EDIT_JSON,
    "{\"IpAddress\":\"\",\"EncodedData\":\"\"}", 0, NULL },
  { OP_FP, "context-string", "UserContextData", EDIT_JSON, "\"192.0.2.1\"", 0, "UserContextData" },
  { OP_FP, "context-ip-number", "UserContextData.IpAddress", EDIT_JSON, "3221225985", 0,
    "UserContextData.IpAddress" },
  { OP_FP, "context-encoded-boolean", "UserContextData.EncodedData", EDIT_JSON, "true", 0,
    "UserContextData.EncodedData" },
  { OP_FP, "context-unknown", "UserContextData.DeviceKey", EDIT_STRING,
    "abc", 0, "UserContextData.DeviceKey" },
  { OP_FP, "context-ip-invalid-utf8", "UserContextData.IpAddress", EDIT_STRING,
    "192.0.2.1" INVALID, 0, "UserContextData.IpAddress" },
  { OP_FP, "context-encoded-131072", "UserContextData.EncodedData", EDIT_REPEAT,
    "e", 131072, NULL },
  { OP_FP, "context-encoded-131073", "UserContextData.EncodedData", EDIT_REPEAT, "e", 131073,
    "UserContextData.EncodedData" },
  { OP_CFP, "context-ip-number", "UserContextData.IpAddress", EDIT_JSON,
    "1", 0, "UserContextData.IpAddress" },

  /* AnalyticsMetadata: a structure of one string. */
  { OP_FP, "analytics", "AnalyticsMetadata.AnalyticsEndpointId", EDIT_STRING,
    "endpoint-1 with spaces", 0, NULL },
  { OP_FP, "analytics-list", "AnalyticsMetadata", EDIT_JSON, "[]", 0, "AnalyticsMetadata" },
  { OP_FP, "analytics-id-number", "AnalyticsMetadata.AnalyticsEndpointId", EDIT_JSON, "7", 0,
    "AnalyticsMetadata.AnalyticsEndpointId" },
  { OP_FP, "analytics-unknown", "AnalyticsMetadata.EndpointId", EDIT_STRING, "x", 0,
    "AnalyticsMetadata.EndpointId" },
  { OP_FP, "analytics-id-131073", "AnalyticsMetadata.AnalyticsEndpointId", EDIT_REPEAT, "a", 131073,
    "AnalyticsMetadata.AnalyticsEndpointId" },
  { OP_CFP, "analytics-id-number", "AnalyticsMetadata.AnalyticsEndpointId", EDIT_JSON, "7", 0,
    "AnalyticsMetadata.AnalyticsEndpointId" },

  /* ClientMetadata: a map of strings to strings, for Lambda triggers. */
  { OP_FP, "metadata", "ClientMetadata", EDIT_JSON,
    "{\"source\":\"keyway\",\"empty\":\"\",\"note\":\"with spaces \\u00e9\","
    "\"\":\"empty key\"}", 0, NULL },
  { OP_FP, "metadata-empty", "ClientMetadata", EDIT_JSON, "{}", 0, NULL },
  { OP_FP, "metadata-list", "ClientMetadata", EDIT_JSON, "[\"source\"]", 0, "ClientMetadata" },
  { OP_FP, "metadata-string", "ClientMetadata", EDIT_JSON,
    "\"source=keyway\"", 0, "ClientMetadata" },
  { OP_FP, "metadata-value-number", "ClientMetadata.source", EDIT_JSON,
    "5", 0, "ClientMetadata[source]" },
  { OP_FP, "metadata-value-boolean", "ClientMetadata.source", EDIT_JSON,
    "false", 0, "ClientMetadata[source]" },
  { OP_FP, "metadata-value-object", "ClientMetadata.source", EDIT_JSON, "{\"a\":\"b\"}", 0,
    "ClientMetadata[source]" },
  { OP_FP, "metadata-value-invalid-utf8", "ClientMetadata.source", EDIT_STRING, "keyway" INVALID, 0,
    "ClientMetadata[source]" },
  { OP_FP, "metadata-value-131073", "ClientMetadata.source", EDIT_REPEAT, "v", 131073,
    "ClientMetadata[source]" },
  { OP_FP, "metadata-key-invalid-utf8", "ClientMetadata.key" INVALID, EDIT_STRING, "value", 0,
    "ClientMetadata key" },
  { OP_CFP, "metadata-value-number", "ClientMetadata.source", EDIT_JSON,
    "5", 0, "ClientMetadata[source]" },
  { OP_ARUP, "metadata", "ClientMetadata.source", EDIT_STRING, "keyway", 0, NULL },
  { OP_ARUP, "metadata-value-number", "ClientMetadata.source", EDIT_JSON,
    "5", 0, "ClientMetadata[source]" },
  { OP_ARUP, "metadata-list", "ClientMetadata", EDIT_JSON, "[]", 0, "ClientMetadata" },

  /* Permanent: a boolean. */
  { OP_ASUP, "permanent-true", "Permanent", EDIT_JSON, "true", 0, NULL },
  { OP_ASUP, "permanent-false", "Permanent", EDIT_JSON, "false", 0, NULL },
  { OP_ASUP, "permanent-string", "Permanent", EDIT_JSON, "\"true\"", 0, "Permanent" },
  { OP_ASUP, "permanent-number", "Permanent", EDIT_JSON, "1", 0, "Permanent" },

  /* ListUsers: Limit is an integer from 0 to 60. */
  { OP_LU, "limit-0", "Limit", EDIT_JSON, "0", 0, NULL },
  { OP_LU, "limit-60", "Limit", EDIT_JSON, "60", 0, NULL },
  { OP_LU, "limit-negative", "Limit", EDIT_JSON, "-1", 0, "Limit" },
  { OP_LU, "limit-61", "Limit", EDIT_JSON, "61", 0, "Limit" },
  { OP_LU, "limit-huge", "Limit", EDIT_JSON, "4294967296", 0, "Limit" },
  { OP_LU, "limit-string", "Limit", EDIT_JSON, "\"10\"", 0, "Limit" },
  { OP_LU, "limit-fraction", "Limit", EDIT_JSON, "10.5", 0, "Limit" },
  { OP_LU, "limit-boolean", "Limit", EDIT_JSON, "true", 0, "Limit" },

  /* AttributesToGet: a list of attribute names, each 1 to 32 characters
   * of letters, marks, symbols, numbers, punctuation and white space. */
  { OP_LU, "attributes", "AttributesToGet", EDIT_JSON,
    "[\"email\",\"custom:department\",\"given name\",\"phone_number\"]", 0, NULL },
  { OP_LU, "attributes-empty-list", "AttributesToGet", EDIT_JSON, "[]", 0, NULL },
  { OP_LU, "attributes-32", "AttributesToGet", EDIT_JSON,
    "[\"custom:abcdefghijklmnopqrstuvwxy\"]", 0, NULL },
  { OP_LU, "attributes-string", "AttributesToGet", EDIT_JSON, "\"email\"", 0, "AttributesToGet" },
  { OP_LU, "attributes-item-empty", "AttributesToGet", EDIT_JSON,
    "[\"email\",\"\"]", 0, "AttributesToGet[1]" },
  { OP_LU, "attributes-item-33", "AttributesToGet", EDIT_JSON,
    "[\"email\",\"custom:abcdefghijklmnopqrstuvwxyz\"]", 0, "AttributesToGet[1]" },
  { OP_LU, "attributes-item-number", "AttributesToGet", EDIT_JSON,
    "[\"email\",5]", 0, "AttributesToGet[1]" },
  { OP_LU, "attributes-item-null", "AttributesToGet", EDIT_JSON,
    "[null]", 0, "AttributesToGet[0]" },
  { OP_LU, "attributes-item-control", "AttributesToGet", EDIT_JSON, "[\"bad\\u0007name\"]", 0,
    "AttributesToGet[0]" },
  { OP_LU, "attributes-item-zero-width", "AttributesToGet", EDIT_JSON,
    "[\"email\",\"name\\u200b\"]", 0, "AttributesToGet[1]" },

  /* PaginationToken: [\S]+, at least 1, no maximum. */
  { OP_LU, "token", "PaginationToken", EDIT_REPEAT, "CAISlgIIARKPAggDEooCAEn+/=", 400, NULL },
  { OP_LU, "token-empty", "PaginationToken", EDIT_STRING, "", 0, "PaginationToken" },
  { OP_LU, "token-space", "PaginationToken", EDIT_STRING,
    "CAISlgII ARKPAggD", 0, "PaginationToken" },
  { OP_LU, "token-number", "PaginationToken", EDIT_JSON, "5", 0, "PaginationToken" },

  /* Filter: at most 256 characters, anything else goes. */
  { OP_LU, "filter", "Filter", EDIT_STRING, "email ^= \"jane\"", 0, NULL },
  { OP_LU, "filter-empty", "Filter", EDIT_STRING, "", 0, NULL },
  { OP_LU, "filter-256", "Filter", EDIT_REPEAT, E_ACUTE, 256, NULL },
  { OP_LU, "filter-257", "Filter", EDIT_REPEAT, "f", 257, "Filter" },
  { OP_LU, "filter-object", "Filter", EDIT_JSON, "{\"email\":\"jane\"}", 0, "Filter" },
};

static char *
repeat (const char *unit,
        guint       count)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < count; i++)
    g_string_append (text, unit);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = json_from_string (json, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  return json_object_ref (json_node_get_object (node));
}

/* Applies a case's change to a copy of the base input. Intermediate
 * objects are created as needed, so "UserContextData.IpAddress" works on a
 * base that has no UserContextData. */
static JsonObject *
build_input (const ValidationCase *validation_case,
             char                **leaf_string)
{
  JsonObject *input = parse_object (base_inputs[validation_case->operation]);
  g_auto(GStrv) parts = NULL;
  JsonObject *parent = input;
  const char *member;
  guint n_parts;

  *leaf_string = NULL;

  if (validation_case->kind == EDIT_NONE)
    return input;

  parts = g_strsplit (validation_case->path, ".", -1);
  n_parts = g_strv_length (parts);

  for (guint i = 0; i + 1 < n_parts; i++)
    {
      if (!json_object_has_member (parent, parts[i]))
        json_object_set_object_member (parent, parts[i], json_object_new ());
      parent = json_object_get_object_member (parent, parts[i]);
    }
  member = parts[n_parts - 1];

  switch (validation_case->kind)
    {
    case EDIT_REMOVE:
      g_assert_true (json_object_has_member (parent, member));
      json_object_remove_member (parent, member);
      break;

    case EDIT_JSON:
      {
        g_autoptr(GError) error = NULL;
        JsonNode *node = json_from_string (validation_case->value, &error);

        g_assert_no_error (error);
        if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
          *leaf_string = g_strdup (json_node_get_string (node));
        json_object_set_member (parent, member, node);
      }
      break;

    case EDIT_STRING:
      *leaf_string = g_strdup (validation_case->value);
      json_object_set_string_member (parent, member, validation_case->value);
      break;

    case EDIT_REPEAT:
      *leaf_string = repeat (validation_case->value, validation_case->count);
      json_object_set_string_member (parent, member, *leaf_string);
      break;

    case EDIT_NONE:
    default:
      g_assert_not_reached ();
    }

  return input;
}

static void
test_validate (gconstpointer data)
{
  const ValidationCase *validation_case = data;
  g_autoptr(JsonObject) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *leaf_string = NULL;
  gboolean valid;

  input = build_input (validation_case, &leaf_string);
  valid = kw_cognito_validate_input (validation_case->operation, input, &error);

  if (validation_case->field == NULL)
    {
      g_assert_no_error (error);
      g_assert_true (valid);
      return;
    }

  g_assert_false (valid);
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_PARAMETER);
  g_assert_cmpstr (kw_cognito_error_get_field (error), ==, validation_case->field);

  /* The message says which field, so a person can correct it... */
  g_assert_nonnull (strstr (error->message, validation_case->field));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  /* ...and never repeats the value, which may be a password. */
  g_assert_null (strstr (error->message, SECRET_MARK));
  if (leaf_string != NULL && strlen (leaf_string) >= 4)
    g_assert_null (strstr (error->message, leaf_string));
}

/* Every member of every operation with everything optional filled in, as
 * the recovery flow sends them. */
static const char * const full_inputs[] = {
  "{\"ClientId\":\"" CLIENT_ID "\",\"SecretHash\":\"fiOKh4IxIZBAzkLh6bTHJFCdbnnlVLzEBIv/TniKcDQ=\","
  "\"UserContextData\":{\"IpAddress\":\"192.0.2.1\",\"EncodedData\":\"data\"},"
  "\"Username\":\"" USERNAME "\",\"AnalyticsMetadata\":{\"AnalyticsEndpointId\":\"endpoint\"},"
  "\"ClientMetadata\":{\"source\":\"keyway\"}}",
  "{\"ClientId\":\"" CLIENT_ID "\",\"SecretHash\":\"fiOKh4IxIZBAzkLh6bTHJFCdbnnlVLzEBIv/TniKcDQ=\","
  "\"Username\":\"" USERNAME "\",\"ConfirmationCode\":\"123456\",\"Password\":\"" PASSWORD "\","
  "\"AnalyticsMetadata\":{\"AnalyticsEndpointId\":\"endpoint\"},"
  "\"UserContextData\":{\"IpAddress\":\"2001:db8::1\"},\"ClientMetadata\":{\"source\":\"keyway\"}}",
  "{\"UserPoolId\":\"" POOL_ID "\",\"Username\":\"" USERNAME "\","
  "\"ClientMetadata\":{\"source\":\"keyway\"}}",
  "{\"UserPoolId\":\"" POOL_ID "\",\"Username\":\"" USERNAME "\"}",
  "{\"UserPoolId\":\"" POOL_ID "\",\"Username\":\"" USERNAME "\",\"Password\":\"" PASSWORD "\","
  "\"Permanent\":true}",
  "{\"UserPoolId\":\"" POOL_ID "\",\"AttributesToGet\":[\"email\",\"custom:department\"],"
  "\"Limit\":60,"
  "\"PaginationToken\":\"CAISlgIIARKPAggDEooCAEn+/=\",\"Filter\":\"email ^= \\\"jane\\\"\"}",
};

G_STATIC_ASSERT (G_N_ELEMENTS (full_inputs) == KW_COGNITO_N_OPERATIONS);

static void
test_validate_full (void)
{
  for (KwCognitoOperation operation = 0; operation < KW_COGNITO_N_OPERATIONS; operation++)
    {
      g_autoptr(JsonObject) input = parse_object (full_inputs[operation]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GList) names = json_object_get_members (input);
      guint n_members = 0;

      g_test_message ("%s", kw_cognito_operation_get_name (operation));
      g_assert_true (kw_cognito_validate_input (operation, input, &error));
      g_assert_no_error (error);

      /* It really is every member, so nothing the model allows is refused. */
      for (const KwMember *member = kw_cognito_operation_get_input (operation);
           member->name != NULL; member++)
        n_members++;
      g_assert_cmpuint (g_list_length (names), ==, n_members);
    }
}

/* The messages a person may read say what to change, in words. */
static void
test_validate_messages (void)
{
  g_autoptr(JsonObject) long_name = parse_object (base_inputs[OP_FP]);
  g_autoptr(JsonObject) spaced = parse_object (base_inputs[OP_CFP]);
  g_autoptr(JsonObject) missing = parse_object (base_inputs[OP_LU]);
  g_autoptr(JsonObject) limit = parse_object (base_inputs[OP_LU]);
  g_autofree char *name = repeat (E_ACUTE, 129);
  g_autoptr(GError) long_error = NULL;
  g_autoptr(GError) spaced_error = NULL;
  g_autoptr(GError) missing_error = NULL;
  g_autoptr(GError) limit_error = NULL;

  json_object_set_string_member (long_name, "Username", name);
  g_assert_false (kw_cognito_validate_input (OP_FP, long_name, &long_error));
  g_assert_nonnull (strstr (long_error->message, "128"));

  json_object_set_string_member (spaced, "Password", "Hunter2 " SECRET_MARK);
  g_assert_false (kw_cognito_validate_input (OP_CFP, spaced, &spaced_error));
  g_assert_nonnull (strstr (spaced_error->message, "space"));

  json_object_remove_member (missing, "UserPoolId");
  g_assert_false (kw_cognito_validate_input (OP_LU, missing, &missing_error));
  g_assert_nonnull (strstr (missing_error->message, "required"));

  json_object_set_int_member (limit, "Limit", 61);
  g_assert_false (kw_cognito_validate_input (OP_LU, limit, &limit_error));
  g_assert_nonnull (strstr (limit_error->message, "60"));
}

/* The same violations for every operation that has the member, so that no
 * operation is left with a constraint it forgets to check. Which members an
 * operation has comes from its table, which the model tests above hold to
 * the service model. */
typedef struct
{
  const char *path;
  const char *what;
  EditKind    kind;
  const char *value;
  guint       count;
  const char *field;
} Violation;

static const Violation violations[] = {
  { "ClientId", "empty", EDIT_STRING, "", 0, "ClientId" },
  { "ClientId", "129", EDIT_REPEAT, "a", 129, "ClientId" },
  { "ClientId", "dash", EDIT_STRING, "abc-def", 0, "ClientId" },
  { "ClientId", "non-ascii", EDIT_STRING, "abc" E_ACUTE, 0, "ClientId" },
  { "ClientId", "number", EDIT_JSON, "1", 0, "ClientId" },
  { "ClientId", "invalid-utf8", EDIT_STRING, "abc" INVALID, 0, "ClientId" },
  { "SecretHash", "empty", EDIT_STRING, "", 0, "SecretHash" },
  { "SecretHash", "129", EDIT_REPEAT, "a", 129, "SecretHash" },
  { "SecretHash", "space", EDIT_STRING, "abc def=", 0, "SecretHash" },
  { "SecretHash", "number", EDIT_JSON, "1", 0, "SecretHash" },
  { "SecretHash", "invalid-utf8", EDIT_STRING, "abc" INVALID, 0, "SecretHash" },
  { "Username", "empty", EDIT_STRING, "", 0, "Username" },
  { "Username", "128-multibyte", EDIT_REPEAT, E_ACUTE, 128, NULL },
  { "Username", "129-multibyte", EDIT_REPEAT, E_ACUTE, 129, "Username" },
  { "Username", "space", EDIT_STRING, "jane doe", 0, "Username" },
  { "Username", "number", EDIT_JSON, "1", 0, "Username" },
  { "Username", "invalid-utf8", EDIT_STRING, "jane" INVALID, 0, "Username" },
  { "UserPoolId", "empty", EDIT_STRING, "", 0, "UserPoolId" },
  { "UserPoolId", "56", EDIT_STRING,
    "us-gov-west-1_abcdefghijklmnopqrstuvwxyz0123456789ABCDEF", 0, "UserPoolId" },
  { "UserPoolId", "no-underscore", EDIT_STRING, "eu-west-1", 0, "UserPoolId" },
  { "UserPoolId", "number", EDIT_JSON, "1", 0, "UserPoolId" },
  { "UserPoolId", "invalid-utf8", EDIT_STRING, "eu-west-1_abc" INVALID, 0, "UserPoolId" },
  { "ConfirmationCode", "empty", EDIT_STRING, "", 0, "ConfirmationCode" },
  { "ConfirmationCode", "2049", EDIT_REPEAT, "1", 2049, "ConfirmationCode" },
  { "ConfirmationCode", "space", EDIT_STRING, "ab cd", 0, "ConfirmationCode" },
  { "ConfirmationCode", "number", EDIT_JSON, "123456", 0, "ConfirmationCode" },
  { "ConfirmationCode", "invalid-utf8", EDIT_STRING, "1234" INVALID, 0, "ConfirmationCode" },
  { "Password", "empty", EDIT_STRING, "", 0, "Password" },
  { "Password", "nbsp", EDIT_STRING, "Hunter2" NBSP SECRET_MARK, 0, NULL },
  { "Password", "257", EDIT_REPEAT, "x", 257, "Password" },
  { "Password", "space", EDIT_STRING, "Hunter2 " SECRET_MARK, 0, "Password" },
  { "Password", "tab", EDIT_STRING, "Hunter2\t" SECRET_MARK, 0, "Password" },
  { "Password", "number", EDIT_JSON, "12345678", 0, "Password" },
  { "Password", "invalid-utf8", EDIT_STRING, "Hunter2" INVALID SECRET_MARK, 0, "Password" },
  { "Permanent", "string", EDIT_JSON, "\"true\"", 0, "Permanent" },
  { "UserContextData", "string", EDIT_JSON, "\"x\"", 0, "UserContextData" },
  { "UserContextData.IpAddress", "number", EDIT_JSON, "1", 0, "UserContextData.IpAddress" },
  { "UserContextData.IpAddress", "invalid-utf8", EDIT_STRING,
    "192.0.2.1" INVALID, 0, "UserContextData.IpAddress" },
  { "UserContextData.IpAddress", "131073", EDIT_REPEAT, "1", 131073, "UserContextData.IpAddress" },
  { "UserContextData.EncodedData", "number", EDIT_JSON, "1", 0, "UserContextData.EncodedData" },
  { "UserContextData.EncodedData", "invalid-utf8", EDIT_STRING,
    "data" INVALID, 0, "UserContextData.EncodedData" },
  { "UserContextData.EncodedData", "131073", EDIT_REPEAT,
    "e", 131073, "UserContextData.EncodedData" },
  { "UserContextData.Unknown", "member", EDIT_STRING, "x", 0, "UserContextData.Unknown" },
  { "AnalyticsMetadata", "string", EDIT_JSON, "\"x\"", 0, "AnalyticsMetadata" },
  { "AnalyticsMetadata.AnalyticsEndpointId", "number", EDIT_JSON,
    "1", 0, "AnalyticsMetadata.AnalyticsEndpointId" },
  { "AnalyticsMetadata.AnalyticsEndpointId", "invalid-utf8", EDIT_STRING, "id" INVALID, 0,
    "AnalyticsMetadata.AnalyticsEndpointId" },
  { "AnalyticsMetadata.AnalyticsEndpointId", "131073", EDIT_REPEAT, "a", 131073,
    "AnalyticsMetadata.AnalyticsEndpointId" },
  { "AnalyticsMetadata.Unknown", "member", EDIT_STRING, "x", 0, "AnalyticsMetadata.Unknown" },
  { "ClientMetadata", "list", EDIT_JSON, "[]", 0, "ClientMetadata" },
  { "ClientMetadata.source", "number", EDIT_JSON, "1", 0, "ClientMetadata[source]" },
  { "ClientMetadata.source", "invalid-utf8", EDIT_STRING,
    "keyway" INVALID, 0, "ClientMetadata[source]" },
  { "ClientMetadata.source", "131073", EDIT_REPEAT, "v", 131073, "ClientMetadata[source]" },
  { "ClientMetadata.key" INVALID, "key-invalid-utf8", EDIT_STRING, "v", 0, "ClientMetadata key" },
  { "Limit", "61", EDIT_JSON, "61", 0, "Limit" },
  { "Limit", "negative", EDIT_JSON, "-1", 0, "Limit" },
  { "Limit", "string", EDIT_JSON, "\"10\"", 0, "Limit" },
  { "AttributesToGet", "string", EDIT_JSON, "\"email\"", 0, "AttributesToGet" },
  { "AttributesToGet", "item-empty", EDIT_JSON, "[\"\"]", 0, "AttributesToGet[0]" },
  { "AttributesToGet", "item-33", EDIT_JSON, "[\"email\",\"custom:abcdefghijklmnopqrstuvwxyz\"]", 0,
    "AttributesToGet[1]" },
  { "AttributesToGet", "item-number", EDIT_JSON, "[1]", 0, "AttributesToGet[0]" },
  { "PaginationToken", "empty", EDIT_STRING, "", 0, "PaginationToken" },
  { "PaginationToken", "space", EDIT_STRING, "abc def", 0, "PaginationToken" },
  { "PaginationToken", "number", EDIT_JSON, "1", 0, "PaginationToken" },
  { "Filter", "257", EDIT_REPEAT, "f", 257, "Filter" },
  { "Filter", "number", EDIT_JSON, "1", 0, "Filter" },
};

static gboolean
operation_has_member (KwCognitoOperation  operation,
                      const char         *name)
{
  for (const KwMember *member = kw_cognito_operation_get_input (operation);
       member->name != NULL; member++)
    {
      if (strcmp (member->name, name) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Registers the violations of every member each operation has, and the
 * absence of each of its required members. */
static void
add_matrix_tests (GPtrArray *cases)
{
  for (KwCognitoOperation operation = 0; operation < KW_COGNITO_N_OPERATIONS; operation++)
    {
      guint n_registered = 0;

      for (guint i = 0; i < G_N_ELEMENTS (violations); i++)
        {
          g_auto(GStrv) parts = g_strsplit (violations[i].path, ".", 2);
          g_autofree char *test_path = NULL;
          g_autofree char *member_name = NULL;
          ValidationCase *validation_case;

          if (!operation_has_member (operation, parts[0]))
            continue;

          validation_case = g_new0 (ValidationCase, 1);
          validation_case->operation = operation;
          validation_case->path = violations[i].path;
          validation_case->kind = violations[i].kind;
          validation_case->value = violations[i].value;
          validation_case->count = violations[i].count;
          validation_case->field = violations[i].field;
          g_ptr_array_add (cases, validation_case);

          /* Test paths are printed; a member name may not be valid UTF-8. */
          member_name = g_utf8_make_valid (violations[i].path, -1);
          test_path = g_strdup_printf ("/keyway/cognito-model/matrix/%s/%s/%s",
                                       operation_short_names[operation], member_name,
                                       violations[i].what);
          g_test_add_data_func (test_path, validation_case, test_validate);
          n_registered++;
        }

      for (const KwMember *member = kw_cognito_operation_get_input (operation);
           member->name != NULL; member++)
        {
          g_autofree char *test_path = NULL;
          ValidationCase *validation_case;

          if (!member->required)
            continue;

          validation_case = g_new0 (ValidationCase, 1);
          validation_case->operation = operation;
          validation_case->path = member->name;
          validation_case->kind = EDIT_REMOVE;
          validation_case->field = member->name;
          g_ptr_array_add (cases, validation_case);

          test_path = g_strdup_printf ("/keyway/cognito-model/matrix/%s/%s/missing",
                                       operation_short_names[operation], member->name);
          g_test_add_data_func (test_path, validation_case, test_validate);
          n_registered++;
        }

      /* Every operation has at least its pool or client and its user. */
      g_assert_cmpuint (n_registered, >=, 12);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) matrix_cases = NULL;

  kw_test_init (&argc, &argv);

  for (KwCognitoOperation operation = 0; operation < KW_COGNITO_N_OPERATIONS; operation++)
    {
      g_autofree char *path = g_strdup_printf ("/keyway/cognito-model/model/%s",
                                               operation_short_names[operation]);

      g_test_add_data_func (path, GUINT_TO_POINTER (operation), test_model_operation);
    }

  g_test_add_func ("/keyway/cognito-model/model/exceptions", test_model_exceptions);
  g_test_add_func ("/keyway/cognito-model/model/named-shapes", test_model_named_shapes);
  g_test_add_func ("/keyway/cognito-model/validate-string", test_validate_string);
  g_test_add_func ("/keyway/cognito-model/can-return", test_can_return);
  g_test_add_func ("/keyway/cognito-model/validate-full", test_validate_full);
  g_test_add_func ("/keyway/cognito-model/validate-messages", test_validate_messages);

  for (guint i = 0; i < G_N_ELEMENTS (validation_cases); i++)
    {
      const ValidationCase *validation_case = &validation_cases[i];
      g_autofree char *path = g_strdup_printf ("/keyway/cognito-model/validate/%s/%s",
                                               operation_short_names[validation_case->operation],
                                               validation_case->name);

      g_test_add_data_func (path, validation_case, test_validate);
    }

  matrix_cases = g_ptr_array_new_with_free_func (g_free);
  add_matrix_tests (matrix_cases);

  return g_test_run ();
}
