/* kw-cognito-error.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KW_COGNITO_ERROR (kw_cognito_error_quark ())

/**
 * KwCognitoError:
 *
 * Every exception the six Cognito operations Keyway calls can return (from the
 * service model), the AWS-wide errors a signed caller meets, the transport
 * failures, and two local refusals. Messages are never translated here: the
 * presentation layer turns a code into words.
 */
typedef enum
{
  /* Cognito exceptions of ForgotPassword, ConfirmForgotPassword, AdminResetUserPassword,
   * AdminGetUser, AdminSetUserPassword and ListUsers. */
  KW_COGNITO_ERROR_CODE_DELIVERY_FAILURE,
  KW_COGNITO_ERROR_CODE_MISMATCH,
  KW_COGNITO_ERROR_EXPIRED_CODE,
  KW_COGNITO_ERROR_FORBIDDEN,
  KW_COGNITO_ERROR_INTERNAL_ERROR,
  KW_COGNITO_ERROR_INVALID_EMAIL_ROLE_ACCESS_POLICY,
  KW_COGNITO_ERROR_INVALID_LAMBDA_RESPONSE,
  KW_COGNITO_ERROR_INVALID_PARAMETER,
  KW_COGNITO_ERROR_INVALID_PASSWORD,
  KW_COGNITO_ERROR_INVALID_SMS_ROLE_ACCESS_POLICY,
  KW_COGNITO_ERROR_INVALID_SMS_ROLE_TRUST_RELATIONSHIP,
  KW_COGNITO_ERROR_LIMIT_EXCEEDED,
  KW_COGNITO_ERROR_NOT_AUTHORIZED,
  KW_COGNITO_ERROR_OPERATION_NOT_ENABLED,
  KW_COGNITO_ERROR_PASSWORD_HISTORY_POLICY_VIOLATION,
  KW_COGNITO_ERROR_RESOURCE_NOT_FOUND,
  KW_COGNITO_ERROR_TOO_MANY_FAILED_ATTEMPTS,
  KW_COGNITO_ERROR_TOO_MANY_REQUESTS,
  KW_COGNITO_ERROR_UNEXPECTED_LAMBDA,
  KW_COGNITO_ERROR_USER_LAMBDA_VALIDATION,
  KW_COGNITO_ERROR_USER_NOT_CONFIRMED,
  KW_COGNITO_ERROR_USER_NOT_FOUND,

  /* AWS-wide errors of signed calls. */
  KW_COGNITO_ERROR_UNRECOGNIZED_CLIENT,
  KW_COGNITO_ERROR_INVALID_SIGNATURE,
  KW_COGNITO_ERROR_INCOMPLETE_SIGNATURE,
  KW_COGNITO_ERROR_MISSING_AUTHENTICATION_TOKEN,
  KW_COGNITO_ERROR_EXPIRED_TOKEN,
  KW_COGNITO_ERROR_ACCESS_DENIED,
  KW_COGNITO_ERROR_THROTTLING,

  /* Transport and response failures. */
  KW_COGNITO_ERROR_NETWORK_UNREACHABLE,
  KW_COGNITO_ERROR_CONNECTION_REFUSED,
  KW_COGNITO_ERROR_CONNECTION_RESET,
  KW_COGNITO_ERROR_DNS_FAILURE,
  KW_COGNITO_ERROR_TLS_FAILURE,
  KW_COGNITO_ERROR_TIMEOUT,
  KW_COGNITO_ERROR_SERVER_ERROR,
  KW_COGNITO_ERROR_INVALID_RESPONSE,
  KW_COGNITO_ERROR_RESPONSE_TOO_LARGE,
  KW_COGNITO_ERROR_UNKNOWN_ERROR,

  /* Refused locally, before anything was sent. */
  KW_COGNITO_ERROR_INSECURE_ENDPOINT,
  KW_COGNITO_ERROR_NO_CREDENTIALS,
} KwCognitoError;

GQuark         kw_cognito_error_quark           (void);

const char    *kw_cognito_error_get_name        (const GError   *error);
guint          kw_cognito_error_get_http_status (const GError   *error);
const char    *kw_cognito_error_get_request_id  (const GError   *error);
const char    *kw_cognito_error_get_field       (const GError   *error);

gboolean       kw_cognito_error_code_from_name  (const char     *name,
                                                 KwCognitoError *code);
const char    *kw_cognito_error_code_to_name    (KwCognitoError  code);
char          *kw_cognito_error_sanitize_name   (const char     *raw);

GError        *kw_cognito_error_new_full        (KwCognitoError  code,
                                                 const char     *name,
                                                 guint           http_status,
                                                 const char     *request_id,
                                                 const char     *message);
GError        *kw_cognito_error_new_invalid_field (const char   *field,
                                                   const char   *message);
GError        *kw_cognito_error_from_response   (guint           http_status,
                                                 const char     *error_type_header,
                                                 const char     *error_message_header,
                                                 const char     *request_id,
                                                 const char     *body,
                                                 gsize           body_length);
GError        *kw_cognito_error_from_transport  (const GError   *transport_error);

G_END_DECLS
