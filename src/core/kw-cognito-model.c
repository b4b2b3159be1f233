/* kw-cognito-model.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cognito-model.h"

#include <string.h>

/* The request shapes of the six operations, transcribed from the Cognito
 * service model (cognito-idp 2016-04-18). test-cognito-model compares this
 * table with the model file itself, so a drift is caught. */

static const KwShape string_type = { "StringType", KW_SHAPE_STRING, 0, 131072, NULL, NULL, NULL };
static const KwShape boolean_type = { "BooleanType", KW_SHAPE_BOOLEAN, -1, -1, NULL, NULL, NULL };

static const KwShape client_id_type =
  { "ClientIdType", KW_SHAPE_STRING, 1, 128, "[\\w+]+", NULL, NULL };
/* No operation Keyway calls takes a client secret, but connections hold one. */
static const KwShape client_secret_type =
  { "ClientSecretType", KW_SHAPE_STRING, 24, 64, "[\\w+]+", NULL, NULL };
static const KwShape secret_hash_type =
  { "SecretHashType", KW_SHAPE_STRING, 1, 128, "[\\w+=/]+", NULL, NULL };
static const KwShape username_type =
  { "UsernameType", KW_SHAPE_STRING, 1, 128, "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+", NULL, NULL };
static const KwShape user_pool_id_type =
  { "UserPoolIdType", KW_SHAPE_STRING, 1, 55, "[\\w-]+_[0-9a-zA-Z]+", NULL, NULL };
static const KwShape confirmation_code_type =
  { "ConfirmationCodeType", KW_SHAPE_STRING, 1, 2048, "[\\S]+", NULL, NULL };
static const KwShape password_type =
  { "PasswordType", KW_SHAPE_STRING, -1, 256, "[\\S]+", NULL, NULL };
static const KwShape attribute_name_type =
  { "AttributeNameType", KW_SHAPE_STRING, 1, 32, "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+",
    NULL, NULL };
static const KwShape query_limit_type =
  { "QueryLimitType", KW_SHAPE_INTEGER, 0, 60, NULL, NULL, NULL };
static const KwShape search_pagination_token_type =
  { "SearchPaginationTokenType", KW_SHAPE_STRING, 1, -1, "[\\S]+", NULL, NULL };
static const KwShape user_filter_type =
  { "UserFilterType", KW_SHAPE_STRING, -1, 256, NULL, NULL, NULL };
static const KwShape client_metadata_type =
  { "ClientMetadataType", KW_SHAPE_MAP, -1, -1, NULL, &string_type, NULL };
static const KwShape searched_attribute_names_type =
  { "SearchedAttributeNamesListType", KW_SHAPE_LIST, -1, -1, NULL, &attribute_name_type, NULL };

static const KwMember analytics_metadata_members[] = {
  { "AnalyticsEndpointId", &string_type, FALSE },
  { NULL }
};
static const KwShape analytics_metadata_type =
  { "AnalyticsMetadataType", KW_SHAPE_STRUCTURE, -1, -1, NULL, NULL, analytics_metadata_members };

static const KwMember user_context_data_members[] = {
  { "IpAddress", &string_type, FALSE },
  { "EncodedData", &string_type, FALSE },
  { NULL }
};
static const KwShape user_context_data_type =
  { "UserContextDataType", KW_SHAPE_STRUCTURE, -1, -1, NULL, NULL, user_context_data_members };

static const KwMember forgot_password_input[] = {
  { "ClientId", &client_id_type, TRUE },
  { "SecretHash", &secret_hash_type, FALSE },
  { "UserContextData", &user_context_data_type, FALSE },
  { "Username", &username_type, TRUE },
  { "AnalyticsMetadata", &analytics_metadata_type, FALSE },
  { "ClientMetadata", &client_metadata_type, FALSE },
  { NULL }
};

static const KwMember confirm_forgot_password_input[] = {
  { "ClientId", &client_id_type, TRUE },
  { "SecretHash", &secret_hash_type, FALSE },
  { "Username", &username_type, TRUE },
  { "ConfirmationCode", &confirmation_code_type, TRUE },
  { "Password", &password_type, TRUE },
  { "AnalyticsMetadata", &analytics_metadata_type, FALSE },
  { "UserContextData", &user_context_data_type, FALSE },
  { "ClientMetadata", &client_metadata_type, FALSE },
  { NULL }
};

static const KwMember admin_reset_user_password_input[] = {
  { "UserPoolId", &user_pool_id_type, TRUE },
  { "Username", &username_type, TRUE },
  { "ClientMetadata", &client_metadata_type, FALSE },
  { NULL }
};

static const KwMember admin_get_user_input[] = {
  { "UserPoolId", &user_pool_id_type, TRUE },
  { "Username", &username_type, TRUE },
  { NULL }
};

static const KwMember admin_set_user_password_input[] = {
  { "UserPoolId", &user_pool_id_type, TRUE },
  { "Username", &username_type, TRUE },
  { "Password", &password_type, TRUE },
  { "Permanent", &boolean_type, FALSE },
  { NULL }
};

static const KwMember list_users_input[] = {
  { "UserPoolId", &user_pool_id_type, TRUE },
  { "AttributesToGet", &searched_attribute_names_type, FALSE },
  { "Limit", &query_limit_type, FALSE },
  { "PaginationToken", &search_pagination_token_type, FALSE },
  { "Filter", &user_filter_type, FALSE },
  { NULL }
};

static const KwCognitoError forgot_password_errors[] = {
  KW_COGNITO_ERROR_RESOURCE_NOT_FOUND, KW_COGNITO_ERROR_INVALID_PARAMETER,
  KW_COGNITO_ERROR_UNEXPECTED_LAMBDA, KW_COGNITO_ERROR_USER_LAMBDA_VALIDATION,
  KW_COGNITO_ERROR_NOT_AUTHORIZED, KW_COGNITO_ERROR_INVALID_LAMBDA_RESPONSE,
  KW_COGNITO_ERROR_TOO_MANY_REQUESTS, KW_COGNITO_ERROR_LIMIT_EXCEEDED,
  KW_COGNITO_ERROR_INVALID_SMS_ROLE_ACCESS_POLICY,
  KW_COGNITO_ERROR_INVALID_SMS_ROLE_TRUST_RELATIONSHIP,
  KW_COGNITO_ERROR_INVALID_EMAIL_ROLE_ACCESS_POLICY, KW_COGNITO_ERROR_CODE_DELIVERY_FAILURE,
  KW_COGNITO_ERROR_USER_NOT_FOUND, KW_COGNITO_ERROR_OPERATION_NOT_ENABLED,
  KW_COGNITO_ERROR_INTERNAL_ERROR, KW_COGNITO_ERROR_FORBIDDEN,
};

static const KwCognitoError confirm_forgot_password_errors[] = {
  KW_COGNITO_ERROR_RESOURCE_NOT_FOUND, KW_COGNITO_ERROR_UNEXPECTED_LAMBDA,
  KW_COGNITO_ERROR_USER_LAMBDA_VALIDATION, KW_COGNITO_ERROR_INVALID_PARAMETER,
  KW_COGNITO_ERROR_INVALID_PASSWORD, KW_COGNITO_ERROR_PASSWORD_HISTORY_POLICY_VIOLATION,
  KW_COGNITO_ERROR_NOT_AUTHORIZED, KW_COGNITO_ERROR_CODE_MISMATCH,
  KW_COGNITO_ERROR_EXPIRED_CODE, KW_COGNITO_ERROR_TOO_MANY_FAILED_ATTEMPTS,
  KW_COGNITO_ERROR_INVALID_LAMBDA_RESPONSE, KW_COGNITO_ERROR_TOO_MANY_REQUESTS,
  KW_COGNITO_ERROR_LIMIT_EXCEEDED, KW_COGNITO_ERROR_USER_NOT_FOUND,
  KW_COGNITO_ERROR_USER_NOT_CONFIRMED, KW_COGNITO_ERROR_OPERATION_NOT_ENABLED,
  KW_COGNITO_ERROR_INTERNAL_ERROR, KW_COGNITO_ERROR_FORBIDDEN,
};

static const KwCognitoError admin_reset_user_password_errors[] = {
  KW_COGNITO_ERROR_RESOURCE_NOT_FOUND, KW_COGNITO_ERROR_INVALID_PARAMETER,
  KW_COGNITO_ERROR_UNEXPECTED_LAMBDA, KW_COGNITO_ERROR_USER_LAMBDA_VALIDATION,
  KW_COGNITO_ERROR_NOT_AUTHORIZED, KW_COGNITO_ERROR_INVALID_LAMBDA_RESPONSE,
  KW_COGNITO_ERROR_TOO_MANY_REQUESTS, KW_COGNITO_ERROR_LIMIT_EXCEEDED,
  KW_COGNITO_ERROR_USER_NOT_FOUND, KW_COGNITO_ERROR_INVALID_SMS_ROLE_ACCESS_POLICY,
  KW_COGNITO_ERROR_INVALID_EMAIL_ROLE_ACCESS_POLICY,
  KW_COGNITO_ERROR_INVALID_SMS_ROLE_TRUST_RELATIONSHIP,
  KW_COGNITO_ERROR_OPERATION_NOT_ENABLED, KW_COGNITO_ERROR_INTERNAL_ERROR,
};

static const KwCognitoError admin_get_user_errors[] = {
  KW_COGNITO_ERROR_RESOURCE_NOT_FOUND, KW_COGNITO_ERROR_INVALID_PARAMETER,
  KW_COGNITO_ERROR_TOO_MANY_REQUESTS, KW_COGNITO_ERROR_NOT_AUTHORIZED,
  KW_COGNITO_ERROR_USER_NOT_FOUND, KW_COGNITO_ERROR_OPERATION_NOT_ENABLED,
  KW_COGNITO_ERROR_INTERNAL_ERROR,
};

static const KwCognitoError admin_set_user_password_errors[] = {
  KW_COGNITO_ERROR_RESOURCE_NOT_FOUND, KW_COGNITO_ERROR_NOT_AUTHORIZED,
  KW_COGNITO_ERROR_USER_NOT_FOUND, KW_COGNITO_ERROR_INTERNAL_ERROR,
  KW_COGNITO_ERROR_TOO_MANY_REQUESTS, KW_COGNITO_ERROR_INVALID_PARAMETER,
  KW_COGNITO_ERROR_INVALID_PASSWORD, KW_COGNITO_ERROR_PASSWORD_HISTORY_POLICY_VIOLATION,
  KW_COGNITO_ERROR_OPERATION_NOT_ENABLED,
};

static const KwCognitoError list_users_errors[] = {
  KW_COGNITO_ERROR_INVALID_PARAMETER, KW_COGNITO_ERROR_RESOURCE_NOT_FOUND,
  KW_COGNITO_ERROR_TOO_MANY_REQUESTS, KW_COGNITO_ERROR_NOT_AUTHORIZED,
  KW_COGNITO_ERROR_OPERATION_NOT_ENABLED, KW_COGNITO_ERROR_INTERNAL_ERROR,
};

/* What IAM and SigV4 answer before Cognito itself sees a signed request. */
static const KwCognitoError signed_call_errors[] = {
  KW_COGNITO_ERROR_UNRECOGNIZED_CLIENT, KW_COGNITO_ERROR_INVALID_SIGNATURE,
  KW_COGNITO_ERROR_INCOMPLETE_SIGNATURE, KW_COGNITO_ERROR_MISSING_AUTHENTICATION_TOKEN,
  KW_COGNITO_ERROR_EXPIRED_TOKEN, KW_COGNITO_ERROR_ACCESS_DENIED, KW_COGNITO_ERROR_THROTTLING,
};

static const struct {
  const char           *name;
  gboolean              is_signed;
  const KwMember       *input;
  const KwCognitoError *errors;
  guint                 n_errors;
} operations[] = {
#define OPERATION(name, is_signed, prefix) \
  { name, is_signed, prefix##_input, prefix##_errors, G_N_ELEMENTS (prefix##_errors) }
  OPERATION ("ForgotPassword", FALSE, forgot_password),
  OPERATION ("ConfirmForgotPassword", FALSE, confirm_forgot_password),
  OPERATION ("AdminResetUserPassword", TRUE, admin_reset_user_password),
  OPERATION ("AdminGetUser", TRUE, admin_get_user),
  OPERATION ("AdminSetUserPassword", TRUE, admin_set_user_password),
  OPERATION ("ListUsers", TRUE, list_users),
#undef OPERATION
};

G_STATIC_ASSERT (G_N_ELEMENTS (operations) == KW_COGNITO_N_OPERATIONS);

/**
 * kw_cognito_operation_get_name:
 *
 * Returns: the operation's name in the model, as in `X-Amz-Target`
 */
const char *
kw_cognito_operation_get_name (KwCognitoOperation operation)
{
  g_return_val_if_fail (operation < KW_COGNITO_N_OPERATIONS, NULL);

  return operations[operation].name;
}

/**
 * kw_cognito_operation_is_signed:
 *
 * Returns: %TRUE for operations that need SigV4 and IAM credentials
 */
gboolean
kw_cognito_operation_is_signed (KwCognitoOperation operation)
{
  g_return_val_if_fail (operation < KW_COGNITO_N_OPERATIONS, FALSE);

  return operations[operation].is_signed;
}

/**
 * kw_cognito_operation_get_input:
 *
 * Returns: (array zero-terminated=1): the request members, ended by a member
 *   whose name is %NULL
 */
const KwMember *
kw_cognito_operation_get_input (KwCognitoOperation operation)
{
  g_return_val_if_fail (operation < KW_COGNITO_N_OPERATIONS, NULL);

  return operations[operation].input;
}

/**
 * kw_cognito_operation_get_errors:
 *
 * Returns: (array length=n_errors): the exceptions the model lists for it
 */
const KwCognitoError *
kw_cognito_operation_get_errors (KwCognitoOperation  operation,
                                 guint              *n_errors)
{
  g_return_val_if_fail (operation < KW_COGNITO_N_OPERATIONS, NULL);
  g_return_val_if_fail (n_errors != NULL, NULL);

  *n_errors = operations[operation].n_errors;
  return operations[operation].errors;
}

static gboolean
error_in (const KwCognitoError *errors,
          guint                 n_errors,
          KwCognitoError        code)
{
  for (guint i = 0; i < n_errors; i++)
    {
      if (errors[i] == code)
        return TRUE;
    }

  return FALSE;
}

/**
 * kw_cognito_operation_can_return:
 *
 * Whether @code can come back from @operation: its modeled exceptions, the
 * IAM and signature errors of signed calls, and any transport failure.
 */
gboolean
kw_cognito_operation_can_return (KwCognitoOperation operation,
                                 KwCognitoError     code)
{
  g_return_val_if_fail (operation < KW_COGNITO_N_OPERATIONS, FALSE);

  if (code >= KW_COGNITO_ERROR_NETWORK_UNREACHABLE)
    return code != KW_COGNITO_ERROR_NO_CREDENTIALS || operations[operation].is_signed;

  if (operations[operation].is_signed &&
      error_in (signed_call_errors, G_N_ELEMENTS (signed_call_errors), code))
    return TRUE;

  return error_in (operations[operation].errors, operations[operation].n_errors, code);
}

/* The model's patterns are Java regular expressions, where \w and \S are
 * ASCII classes; in GRegex they are Unicode-aware. Translate them so that
 * Keyway refuses exactly what the service refuses, no more. */
static char *
translate_pattern (const char *pattern)
{
  g_autoptr(GString) translated = g_string_new ("\\A(?:");

  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (g_str_has_prefix (p, "[\\S]"))
        {
          g_string_append (translated, "[^ \\t\\n\\x0B\\f\\r]");
          p += strlen ("[\\S]") - 1;
        }
      else if (g_str_has_prefix (p, "\\w"))
        {
          g_string_append (translated, "A-Za-z0-9_");
          p++;
        }
      else if (*p == '\\' && p[1] != '\0')
        {
          g_string_append_len (translated, p, 2);
          p++;
        }
      else
        g_string_append_c (translated, *p);
    }

  g_string_append (translated, ")\\z");

  return g_string_free (g_steal_pointer (&translated), FALSE);
}

static GRegex *
regex_for_pattern (const char *pattern)
{
  static GMutex lock;
  static GHashTable *cache;
  GRegex *regex;

  g_mutex_lock (&lock);

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                   (GDestroyNotify) g_regex_unref);

  regex = g_hash_table_lookup (cache, pattern);
  if (regex == NULL)
    {
      g_autofree char *translated = translate_pattern (pattern);
      g_autoptr(GError) error = NULL;

      regex = g_regex_new (translated, G_REGEX_OPTIMIZE, 0, &error);
      g_assert_no_error (error);
      g_hash_table_insert (cache, (gpointer) pattern, regex);
    }

  g_mutex_unlock (&lock);

  return regex;
}

static gboolean validate_value (const char     *field,
                                const KwShape  *shape,
                                JsonNode       *node,
                                GError        **error);

static gboolean
validate_string (const char     *field,
                 const KwShape  *shape,
                 const char     *value,
                 GError        **error)
{
  glong length;

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_propagate_error (error,
                         kw_cognito_error_new_invalid_field (field, "it is not valid UTF-8"));
      return FALSE;
    }

  length = g_utf8_strlen (value, -1);

  if (length == 0 && (shape->min > 0 || shape->pattern != NULL))
    {
      g_propagate_error (error, kw_cognito_error_new_invalid_field (field, "it must not be empty"));
      return FALSE;
    }

  if (shape->min >= 0 && length < shape->min)
    {
      g_autofree char *message =
        g_strdup_printf ("it must be at least %" G_GINT64_FORMAT " characters long", shape->min);
      g_propagate_error (error, kw_cognito_error_new_invalid_field (field, message));
      return FALSE;
    }

  if (shape->max >= 0 && length > shape->max)
    {
      g_autofree char *message =
        g_strdup_printf ("it must be at most %" G_GINT64_FORMAT " characters long (it has %ld)",
                         shape->max, length);
      g_propagate_error (error, kw_cognito_error_new_invalid_field (field, message));
      return FALSE;
    }

  /* The value itself never goes into the message: it may be a password. */
  if (shape->pattern != NULL &&
      !g_regex_match (regex_for_pattern (shape->pattern), value, 0, NULL))
    {
      const char *why = strstr (shape->pattern, "\\S") != NULL
        ? "it must not contain spaces or other white space"
        : "it contains characters that are not allowed";

      g_propagate_error (error, kw_cognito_error_new_invalid_field (field, why));
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_members (const char      *prefix,
                  const KwMember  *members,
                  JsonObject      *object,
                  GError         **error)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (const KwMember *member = members; member->name != NULL; member++)
    {
      g_autofree char *field = prefix != NULL
        ? g_strconcat (prefix, ".", member->name, NULL)
        : g_strdup (member->name);
      JsonNode *node = json_object_get_member (object, member->name);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        {
          if (member->required)
            {
              g_propagate_error (error,
                                 kw_cognito_error_new_invalid_field (field, "it is required"));
              return FALSE;
            }
          continue;
        }

      if (!validate_value (field, member->shape, node, error))
        return FALSE;
    }

  for (GList *l = names; l != NULL; l = l->next)
    {
      gboolean known = FALSE;

      for (const KwMember *member = members; member->name != NULL && !known; member++)
        known = strcmp (member->name, l->data) == 0;

      if (!known)
        {
          g_autofree char *field = prefix != NULL
            ? g_strconcat (prefix, ".", l->data, NULL)
            : g_strdup (l->data);

          g_propagate_error (error,
                             kw_cognito_error_new_invalid_field (field, "it is not a member of "
                                                                        "this request"));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
validate_value (const char     *field,
                const KwShape  *shape,
                JsonNode       *node,
                GError        **error)
{
  GType value_type = JSON_NODE_HOLDS_VALUE (node)
    ? json_node_get_value_type (node)
    : G_TYPE_INVALID;

  switch (shape->kind)
    {
    case KW_SHAPE_STRING:
      if (value_type != G_TYPE_STRING)
        break;
      return validate_string (field, shape, json_node_get_string (node), error);

    case KW_SHAPE_BOOLEAN:
      if (value_type != G_TYPE_BOOLEAN)
        break;
      return TRUE;

    case KW_SHAPE_INTEGER:
      if (value_type != G_TYPE_INT64)
        break;
      if ((shape->min >= 0 && json_node_get_int (node) < shape->min) ||
          (shape->max >= 0 && json_node_get_int (node) > shape->max))
        {
          g_autofree char *message =
            g_strdup_printf ("it must be between %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT,
                             shape->min, shape->max);
          g_propagate_error (error, kw_cognito_error_new_invalid_field (field, message));
          return FALSE;
        }
      return TRUE;

    case KW_SHAPE_MAP:
      if (!JSON_NODE_HOLDS_OBJECT (node))
        break;
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) keys = json_object_get_members (object);

        for (GList *l = keys; l != NULL; l = l->next)
          {
            g_autofree char *key_field = g_strdup_printf ("%s key", field);
            g_autofree char *value_field = g_strdup_printf ("%s[%s]", field, (char *) l->data);

            if (!validate_string (key_field, shape->element, l->data, error))
              return FALSE;
            if (!validate_value (value_field, shape->element,
                                 json_object_get_member (object, l->data), error))
              return FALSE;
          }
        return TRUE;
      }

    case KW_SHAPE_LIST:
      if (!JSON_NODE_HOLDS_ARRAY (node))
        break;
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            g_autofree char *item_field = g_strdup_printf ("%s[%u]", field, i);

            if (!validate_value (item_field, shape->element,
                                 json_array_get_element (array, i), error))
              return FALSE;
          }
        return TRUE;
      }

    case KW_SHAPE_STRUCTURE:
      if (!JSON_NODE_HOLDS_OBJECT (node))
        break;
      return validate_members (field, shape->members, json_node_get_object (node), error);

    default:
      g_assert_not_reached ();
    }

  g_propagate_error (error, kw_cognito_error_new_invalid_field (field, "it has the wrong type"));
  return FALSE;
}

/**
 * kw_cognito_validate_input:
 * @operation: the operation
 * @input: the request body about to be sent
 * @error: return location for a %KW_COGNITO_ERROR_INVALID_PARAMETER error
 *
 * Checks every member against the model: required members, types, lengths
 * (in Unicode characters) and patterns matched against the whole value.
 *
 * Returns: %TRUE if the request may be sent
 */
gboolean
kw_cognito_validate_input (KwCognitoOperation   operation,
                           JsonObject          *input,
                           GError             **error)
{
  g_return_val_if_fail (operation < KW_COGNITO_N_OPERATIONS, FALSE);
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return validate_members (NULL, operations[operation].input, input, error);
}

/* Shapes that describe values Keyway keeps outside a request, such as a
 * connection's fields. */
static const KwShape *named_shapes[] = {
  &client_id_type,
  &client_secret_type,
  &user_pool_id_type,
  &username_type,
  &password_type,
  &confirmation_code_type,
};

/**
 * kw_cognito_shape_lookup:
 * @name: a string shape's name in the model, e.g. "ClientIdType"
 *
 * Returns: (nullable): the shape, or %NULL when Keyway does not know it
 */
const KwShape *
kw_cognito_shape_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (named_shapes); i++)
    if (g_str_equal (named_shapes[i]->name, name))
      return named_shapes[i];

  return NULL;
}

/**
 * kw_cognito_validate_string:
 * @shape: a string shape from kw_cognito_shape_lookup()
 * @field: the field's name, for the message
 * @value: the value to check
 * @error: return location for a %KW_COGNITO_ERROR_INVALID_PARAMETER error
 *
 * Applies the same length and pattern rules a request member gets.
 *
 * Returns: %TRUE if @value is valid
 */
gboolean
kw_cognito_validate_string (const KwShape  *shape,
                            const char     *field,
                            const char     *value,
                            GError        **error)
{
  g_return_val_if_fail (shape != NULL && shape->kind == KW_SHAPE_STRING, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return validate_string (field, shape, value, error);
}
