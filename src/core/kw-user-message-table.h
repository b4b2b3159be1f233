/* kw-user-message-table.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The texts of kw-user-message.c, as data. Included once, by that file
 * only, the way GLib keeps its Unicode tables apart from the code. */

#pragma once

/* The message table.
 *
 * Each domain has a list of entries; the first entry that matches the error's
 * code, the operation, the conditions and the request member wins, so the
 * most specific entries of a code come first and an entry for any operation
 * closes its code's group. Strings are marked with N_() and translated when
 * a message is built. */

#define CODE(c) (G_GUINT64_CONSTANT (1) << (c))
#define OP(o)   (1u << (o))

#define FORGOT    OP (KW_COGNITO_OPERATION_FORGOT_PASSWORD)
#define CONFIRM   OP (KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD)
#define RESET     OP (KW_COGNITO_OPERATION_ADMIN_RESET_USER_PASSWORD)
#define GET_USER  OP (KW_COGNITO_OPERATION_ADMIN_GET_USER)
#define SET       OP (KW_COGNITO_OPERATION_ADMIN_SET_USER_PASSWORD)
#define LIST      OP (KW_COGNITO_OPERATION_LIST_USERS)
#define SELF_SERVICE (FORGOT | CONFIRM)
#define HELPDESK     (RESET | GET_USER | SET | LIST)
#define ANY_OPERATION 0

G_STATIC_ASSERT (KW_COGNITO_ERROR_NO_CREDENTIALS < 64);
G_STATIC_ASSERT (KW_COGNITO_N_OPERATIONS <= 32);

typedef enum
{
  /* The pool hides whether users exist (self-service operations only). */
  COND_HIDDEN          = 1 << 0,
  /* The connection's app client has a secret. */
  COND_SECRET          = 1 << 1,
  /* The service's message speaks of a secret ("Unable to verify secret hash
   * for client …", "… is configured for secret but secret was not received"). */
  COND_SECRET_HINT     = 1 << 2,
  /* The service's message speaks of the user's state ("User is disabled.",
   * "User password cannot be reset in the current state."). */
  COND_USER_STATE_HINT = 1 << 3,
  COND_PROFILE         = 1 << 4,
  COND_ENVIRONMENT     = 1 << 5,
  COND_KEYRING         = 1 << 6,
  /* AWS refused the signature's time: "RequestExpired", or a message such as
   * "Signature expired: … is now earlier than …". */
  COND_CLOCK_HINT      = 1 << 7,
} Condition;

typedef enum
{
  PLACEHOLDER_NONE,
  /* The body has one %s for the IAM action the credentials lack. */
  PLACEHOLDER_PERMISSION,
} Placeholder;

typedef struct
{
  guint64       codes;
  guint         operations;   /* OP() bits, or ANY_OPERATION */
  KwUserAction  action;
  const char   *title;
  const char   *body;
  /* Optional */
  guint         conditions;   /* all must hold */
  const char   *fields;       /* space-separated request members a local error must name */
  const char   *reason_body;  /* with %s for the service's reason, used when it gave one */
  Placeholder   placeholder;
} Entry;

/* KW_COGNITO_ERROR. Self-service texts speak to the person who forgot a
 * password and name "the administrator of the service"; helpdesk texts speak
 * to staff about "the user" and "the user pool". */
static const Entry cognito_entries[] = {
  /* Codes */
  { CODE (KW_COGNITO_ERROR_CODE_MISMATCH), SELF_SERVICE, KW_USER_ACTION_EDIT_CODE,
    N_("Wrong or expired code"),
    N_("The code is wrong or has expired. Check the code in the newest message, or send a new "
       "code."),
    .conditions = COND_HIDDEN },
  { CODE (KW_COGNITO_ERROR_CODE_MISMATCH), ANY_OPERATION, KW_USER_ACTION_EDIT_CODE,
    N_("Wrong code"),
    N_("This is not the code that was sent. Check the code in the newest message and enter it "
       "again.") },
  { CODE (KW_COGNITO_ERROR_EXPIRED_CODE), ANY_OPERATION, KW_USER_ACTION_RESEND_CODE,
    N_("Code no longer valid"),
    N_("This code has expired. Send a new code and enter the one from the newest message.") },
  { CODE (KW_COGNITO_ERROR_TOO_MANY_FAILED_ATTEMPTS), ANY_OPERATION, KW_USER_ACTION_NONE,
    N_("Too many wrong codes"),
    N_("A wrong code was entered too many times, so codes are refused for now. Wait up to an "
       "hour, then send a new code.") },

  /* Limits: Cognito allows a few codes and attempts per user and hour and
   * does not say how many; retrying soon only spends more of them. */
  { CODE (KW_COGNITO_ERROR_LIMIT_EXCEEDED), FORGOT, KW_USER_ACTION_NONE,
    N_("Too many codes requested"),
    N_("For safety, only a few codes can be requested for a username each hour, and that limit "
       "has been reached. Wait up to an hour, then request a new code.") },
  { CODE (KW_COGNITO_ERROR_LIMIT_EXCEEDED), CONFIRM, KW_USER_ACTION_NONE,
    N_("Too many attempts"),
    N_("For safety, codes can be entered only a few times each hour, and that limit has been "
       "reached. Wait up to an hour, then try again with the code from the newest message.") },
  { CODE (KW_COGNITO_ERROR_LIMIT_EXCEEDED), RESET, KW_USER_ACTION_NONE,
    N_("Too many resets"),
    N_("Too many codes were sent to this user in the last hour. Wait up to an hour before "
       "resetting again, or set a new password for the user directly.") },
  { CODE (KW_COGNITO_ERROR_LIMIT_EXCEEDED), ANY_OPERATION, KW_USER_ACTION_NONE,
    N_("Limit reached"),
    N_("The user pool has reached a limit for this kind of request. Wait a while before trying "
       "again.") },
  { CODE (KW_COGNITO_ERROR_TOO_MANY_REQUESTS), SELF_SERVICE, KW_USER_ACTION_WAIT,
    N_("Service busy"),
    N_("The service is receiving too many requests right now. Wait half a minute, then try "
       "again.") },
  { CODE (KW_COGNITO_ERROR_TOO_MANY_REQUESTS), ANY_OPERATION, KW_USER_ACTION_WAIT,
    N_("Too many requests"),
    N_("Too many requests reached this user pool in a short time. Wait half a minute, then try "
       "again.") },
  { CODE (KW_COGNITO_ERROR_THROTTLING), SELF_SERVICE, KW_USER_ACTION_WAIT,
    N_("Service busy"),
    N_("The service is slowing down requests from this computer. Wait half a minute, then try "
       "again.") },
  { CODE (KW_COGNITO_ERROR_THROTTLING), ANY_OPERATION, KW_USER_ACTION_WAIT,
    N_("Requests slowed down"),
    N_("AWS is limiting how many requests these credentials may make in a short time. Wait half "
       "a minute, then try again.") },

  /* Passwords */
  { CODE (KW_COGNITO_ERROR_INVALID_PASSWORD), SET, KW_USER_ACTION_EDIT_PASSWORD,
    N_("Password not accepted"),
    N_("The new password does not meet the password rules of this user pool. Choose another "
       "password."),
    /* Translators: %s is the rule that failed, in English, from the service. */
    .reason_body = N_("The new password does not meet the password rules of this user pool "
                      "(“%s”). Choose another password.") },
  { CODE (KW_COGNITO_ERROR_INVALID_PASSWORD), ANY_OPERATION, KW_USER_ACTION_EDIT_PASSWORD,
    N_("Password not accepted"),
    N_("The new password does not meet the password rules of this service. Choose another "
       "password."),
    /* Translators: %s is the rule that failed, in English, from the service. */
    .reason_body = N_("The new password does not meet the password rules of this service "
                      "(“%s”). Choose another password.") },
  { CODE (KW_COGNITO_ERROR_PASSWORD_HISTORY_POLICY_VIOLATION), SET, KW_USER_ACTION_EDIT_PASSWORD,
    N_("Password used before"),
    N_("This user has used this password recently, and the user pool does not allow it again. "
       "Choose another password."),
    /* Translators: %s is the service's explanation, in English. */
    .reason_body = N_("This user has used this password recently, and the user pool does not "
                      "allow it again (“%s”). Choose another password.") },
  { CODE (KW_COGNITO_ERROR_PASSWORD_HISTORY_POLICY_VIOLATION), ANY_OPERATION,
    KW_USER_ACTION_EDIT_PASSWORD,
    N_("Password used before"),
    N_("You have used this password recently, and this service does not allow using it again. "
       "Choose a password you have not used before."),
    /* Translators: %s is the service's explanation, in English. */
    .reason_body = N_("You have used this password recently, and this service does not allow "
                      "using it again (“%s”). Choose a password you have not used before.") },

  /* Users. Where the pool hides whether users exist, nothing here may tell. */
  { CODE (KW_COGNITO_ERROR_USER_NOT_FOUND), FORGOT, KW_USER_ACTION_EDIT_USERNAME,
    N_("Check the username"),
    N_("If an account with this username exists, no code could be sent to it. Check the "
       "username and try again."),
    .conditions = COND_HIDDEN },
  { CODE (KW_COGNITO_ERROR_USER_NOT_FOUND), CONFIRM, KW_USER_ACTION_EDIT_USERNAME,
    N_("Check the username"),
    N_("If an account with this username exists, its password could not be reset. Check the "
       "username and start again."),
    .conditions = COND_HIDDEN },
  { CODE (KW_COGNITO_ERROR_USER_NOT_FOUND), FORGOT, KW_USER_ACTION_EDIT_USERNAME,
    N_("Unknown username"),
    N_("No account has this username. Check the username and try again.") },
  { CODE (KW_COGNITO_ERROR_USER_NOT_FOUND), CONFIRM, KW_USER_ACTION_EDIT_USERNAME,
    N_("Unknown username"),
    N_("No account has this username. Check the username, then request a new code.") },
  { CODE (KW_COGNITO_ERROR_USER_NOT_FOUND), ANY_OPERATION, KW_USER_ACTION_EDIT_USERNAME,
    N_("No such user"),
    N_("The user pool has no user with this username. Check the spelling, or search the list "
       "of users.") },
  { CODE (KW_COGNITO_ERROR_USER_NOT_CONFIRMED), SELF_SERVICE, KW_USER_ACTION_CONTACT_ADMINISTRATOR,
    N_("Password cannot be reset yet"),
    N_("If an account with this username exists, its password cannot be reset yet. The "
       "administrator of the service can help."),
    .conditions = COND_HIDDEN },
  { CODE (KW_COGNITO_ERROR_USER_NOT_CONFIRMED), SELF_SERVICE, KW_USER_ACTION_CONTACT_ADMINISTRATOR,
    N_("Account not confirmed"),
    N_("This account was never confirmed, so its password cannot be reset. The administrator "
       "of the service can confirm the account for you.") },
  { CODE (KW_COGNITO_ERROR_USER_NOT_CONFIRMED), ANY_OPERATION, KW_USER_ACTION_NONE,
    N_("User not confirmed"),
    N_("This user never confirmed the account, so no code can reset the password. Confirm the "
       "user first, or set a new password directly.") },

  /* NotAuthorized: for self-service a wrong or missing client secret, or a
   * user who may not reset (disabled, or still on a temporary password); for
   * the helpdesk, credentials that lack the permission. */
  { CODE (KW_COGNITO_ERROR_NOT_AUTHORIZED), SELF_SERVICE, KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Client secret not accepted"),
    N_("The service did not accept the client secret of this connection. It may be wrong or out "
       "of date; enter the current one in the connection settings."),
    .conditions = COND_SECRET },
  { CODE (KW_COGNITO_ERROR_NOT_AUTHORIZED), SELF_SERVICE, KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Client secret needed"),
    N_("The service expects a client secret for this connection, and none is set. Enter the "
       "client secret in the connection settings."),
    .conditions = COND_SECRET_HINT },
  { CODE (KW_COGNITO_ERROR_NOT_AUTHORIZED), FORGOT, KW_USER_ACTION_EDIT_USERNAME,
    N_("Code could not be sent"),
    N_("If an account with this username exists, it cannot reset its password right now. Check "
       "the username; if it is right, the administrator of the service can help."),
    .conditions = COND_HIDDEN },
  { CODE (KW_COGNITO_ERROR_NOT_AUTHORIZED), CONFIRM, KW_USER_ACTION_EDIT_USERNAME,
    N_("Password not reset"),
    N_("If an account with this username exists, its password cannot be reset right now. Check "
       "the username; if it is right, the administrator of the service can help."),
    .conditions = COND_HIDDEN },
  { CODE (KW_COGNITO_ERROR_NOT_AUTHORIZED), FORGOT, KW_USER_ACTION_CONTACT_ADMINISTRATOR,
    N_("Password reset not allowed"),
    N_("This account cannot reset its password right now: it may be disabled, or you may first "
       "have to sign in with a temporary password you were sent. The administrator of the "
       "service can help.") },
  { CODE (KW_COGNITO_ERROR_NOT_AUTHORIZED), CONFIRM, KW_USER_ACTION_CONTACT_ADMINISTRATOR,
    N_("Password reset not allowed"),
    N_("The password of this account cannot be reset right now; the account may have been "
       "disabled. The administrator of the service can help.") },
  { CODE (KW_COGNITO_ERROR_NOT_AUTHORIZED), RESET, KW_USER_ACTION_NONE,
    N_("Password cannot be reset"),
    N_("This user’s password cannot be reset in the user’s current state: the user may be "
       "disabled, or may not have signed in with a temporary password yet. Enable the user, or "
       "set a new password directly."),
    .conditions = COND_USER_STATE_HINT },
  { CODE (KW_COGNITO_ERROR_NOT_AUTHORIZED) | CODE (KW_COGNITO_ERROR_ACCESS_DENIED), RESET,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Not allowed to reset passwords"),
    /* Translators: %s is an AWS permission such as cognito-idp:AdminResetUserPassword. */
    N_("The AWS credentials of this connection may not reset passwords in this user pool. Grant "
       "them the permission “%s”, or choose other credentials in the connection settings."),
    .placeholder = PLACEHOLDER_PERMISSION },
  { CODE (KW_COGNITO_ERROR_NOT_AUTHORIZED) | CODE (KW_COGNITO_ERROR_ACCESS_DENIED), GET_USER,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Not allowed to look up users"),
    /* Translators: %s is an AWS permission such as cognito-idp:AdminGetUser. */
    N_("The AWS credentials of this connection may not look up users in this user pool. Grant "
       "them the permission “%s”, or choose other credentials in the connection settings."),
    .placeholder = PLACEHOLDER_PERMISSION },
  { CODE (KW_COGNITO_ERROR_NOT_AUTHORIZED) | CODE (KW_COGNITO_ERROR_ACCESS_DENIED), SET,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Not allowed to set passwords"),
    /* Translators: %s is an AWS permission such as cognito-idp:AdminSetUserPassword. */
    N_("The AWS credentials of this connection may not set passwords in this user pool. Grant "
       "them the permission “%s”, or choose other credentials in the connection settings."),
    .placeholder = PLACEHOLDER_PERMISSION },
  { CODE (KW_COGNITO_ERROR_NOT_AUTHORIZED) | CODE (KW_COGNITO_ERROR_ACCESS_DENIED), LIST,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Not allowed to list users"),
    /* Translators: %s is an AWS permission such as cognito-idp:ListUsers. */
    N_("The AWS credentials of this connection may not list the users of this user pool. Grant "
       "them the permission “%s”, or choose other credentials in the connection settings."),
    .placeholder = PLACEHOLDER_PERMISSION },
  { CODE (KW_COGNITO_ERROR_ACCESS_DENIED), ANY_OPERATION, KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Access denied"),
    N_("The service refused access to this request. Check the connection settings.") },

  /* InvalidParameter: found before sending (the error names the field), or
   * the service's verdict, which for ForgotPassword nearly always means the
   * account has nowhere verified to send a code. */
  { CODE (KW_COGNITO_ERROR_INVALID_PARAMETER), ANY_OPERATION, KW_USER_ACTION_EDIT_USERNAME,
    N_("Username not valid"),
    N_("A username cannot be empty, contain spaces, or be longer than 128 characters. Check the "
       "username."),
    .fields = "Username" },
  { CODE (KW_COGNITO_ERROR_INVALID_PARAMETER), ANY_OPERATION, KW_USER_ACTION_EDIT_CODE,
    N_("Code not valid"),
    N_("A code cannot be empty or contain spaces. Enter the code exactly as it appears in the "
       "message."),
    .fields = "ConfirmationCode" },
  { CODE (KW_COGNITO_ERROR_INVALID_PARAMETER), ANY_OPERATION, KW_USER_ACTION_EDIT_PASSWORD,
    N_("Password not valid"),
    N_("A password cannot be empty, contain spaces, or be longer than 256 characters. Choose "
       "another password."),
    .fields = "Password" },
  { CODE (KW_COGNITO_ERROR_INVALID_PARAMETER), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Connection settings not valid"),
    N_("The app client ID, user pool ID or client secret of this connection is not valid. Check "
       "them in the connection settings."),
    .fields = "ClientId UserPoolId SecretHash" },
  { CODE (KW_COGNITO_ERROR_INVALID_PARAMETER), ANY_OPERATION, KW_USER_ACTION_NONE,
    N_("Search not valid"),
    N_("The search could not be sent as entered. Shorten or simplify it and try again."),
    .fields = "Filter Limit PaginationToken AttributesToGet" },
  { CODE (KW_COGNITO_ERROR_INVALID_PARAMETER), FORGOT, KW_USER_ACTION_CONTACT_ADMINISTRATOR,
    N_("No code could be sent"),
    N_("If an account with this username exists, it has no verified email address or phone "
       "number to send a code to. The administrator of the service can help."),
    .conditions = COND_HIDDEN },
  { CODE (KW_COGNITO_ERROR_INVALID_PARAMETER), FORGOT, KW_USER_ACTION_CONTACT_ADMINISTRATOR,
    N_("No way to send a code"),
    N_("This account has no verified email address or phone number, so no code can be sent. "
       "The administrator of the service can reset the password for you.") },
  { CODE (KW_COGNITO_ERROR_INVALID_PARAMETER), CONFIRM, KW_USER_ACTION_EDIT_CODE,
    N_("Code or password not accepted"),
    N_("The service did not accept the code or the new password as entered. Check that neither "
       "contains spaces, then try again.") },
  { CODE (KW_COGNITO_ERROR_INVALID_PARAMETER), RESET, KW_USER_ACTION_NONE,
    N_("No way to send a code"),
    N_("This user has no verified email address or phone number, so no code can be sent. "
       "Verify one for the user, or set a new password directly.") },
  { CODE (KW_COGNITO_ERROR_INVALID_PARAMETER), SET, KW_USER_ACTION_EDIT_PASSWORD,
    N_("Password not accepted"),
    N_("The user pool did not accept the new password as entered. Check that it contains no "
       "spaces, then try again.") },
  { CODE (KW_COGNITO_ERROR_INVALID_PARAMETER), LIST, KW_USER_ACTION_NONE,
    N_("Search not accepted"),
    N_("The user pool did not accept this search. Search for a plain username, email address "
       "or phone number.") },
  { CODE (KW_COGNITO_ERROR_INVALID_PARAMETER), ANY_OPERATION, KW_USER_ACTION_EDIT_USERNAME,
    N_("Username not accepted"),
    N_("The user pool did not accept this username. Check it and try again.") },

  /* Sending the code */
  { CODE (KW_COGNITO_ERROR_CODE_DELIVERY_FAILURE), HELPDESK, KW_USER_ACTION_NONE,
    N_("Code could not be delivered"),
    N_("The code could not be delivered to the user’s email address or phone number. Check "
       "them, then try again.") },
  { CODE (KW_COGNITO_ERROR_CODE_DELIVERY_FAILURE), ANY_OPERATION, KW_USER_ACTION_RETRY,
    N_("Code could not be delivered"),
    N_("The message with your code could not be delivered. Try again in a few minutes; if no "
       "code arrives, ask the administrator of the service to check your email address or "
       "phone number.") },
  { CODE (KW_COGNITO_ERROR_INVALID_EMAIL_ROLE_ACCESS_POLICY), SELF_SERVICE,
    KW_USER_ACTION_CONTACT_ADMINISTRATOR,
    N_("Email cannot be sent"),
    N_("This service is not set up correctly to send email, so no code could be sent. Contact "
       "the administrator of the service.") },
  { CODE (KW_COGNITO_ERROR_INVALID_EMAIL_ROLE_ACCESS_POLICY), ANY_OPERATION,
    KW_USER_ACTION_CONTACT_ADMINISTRATOR,
    N_("Email cannot be sent"),
    N_("The user pool may not send email from the address it is set up with, so no code was "
       "sent. Whoever manages the user pool must fix its email settings.") },
  { CODE (KW_COGNITO_ERROR_INVALID_SMS_ROLE_ACCESS_POLICY), SELF_SERVICE,
    KW_USER_ACTION_CONTACT_ADMINISTRATOR,
    N_("Text messages cannot be sent"),
    N_("This service is not allowed to send text messages, so no code could be sent. Contact "
       "the administrator of the service.") },
  { CODE (KW_COGNITO_ERROR_INVALID_SMS_ROLE_ACCESS_POLICY), ANY_OPERATION,
    KW_USER_ACTION_CONTACT_ADMINISTRATOR,
    N_("Text messages cannot be sent"),
    N_("The role the user pool uses for text messages may not send them, so no code was sent. "
       "Whoever manages the user pool must fix its SMS settings.") },
  { CODE (KW_COGNITO_ERROR_INVALID_SMS_ROLE_TRUST_RELATIONSHIP), SELF_SERVICE,
    KW_USER_ACTION_CONTACT_ADMINISTRATOR,
    N_("Text messages cannot be sent"),
    N_("The text message settings of this service are broken, so no code could be sent. "
       "Contact the administrator of the service.") },
  { CODE (KW_COGNITO_ERROR_INVALID_SMS_ROLE_TRUST_RELATIONSHIP), ANY_OPERATION,
    KW_USER_ACTION_CONTACT_ADMINISTRATOR,
    N_("Text messages cannot be sent"),
    N_("The user pool cannot use its role for text messages: the role does not trust the user "
       "pool, or its external ID does not match. Whoever manages the user pool must fix its SMS "
       "settings.") },

  /* The pool's own code (Lambda triggers) */
  { CODE (KW_COGNITO_ERROR_UNEXPECTED_LAMBDA), SELF_SERVICE, KW_USER_ACTION_CONTACT_ADMINISTRATOR,
    N_("Service check failed"),
    N_("A custom check of this service failed while handling the request. Try again later; if "
       "it keeps failing, contact the administrator of the service.") },
  { CODE (KW_COGNITO_ERROR_UNEXPECTED_LAMBDA), ANY_OPERATION,
    KW_USER_ACTION_CONTACT_ADMINISTRATOR,
    N_("Custom code failed"),
    N_("The user pool’s custom code (a Lambda trigger) failed while handling the request. "
       "Whoever manages the user pool can look into the trigger’s logs.") },
  { CODE (KW_COGNITO_ERROR_INVALID_LAMBDA_RESPONSE), SELF_SERVICE,
    KW_USER_ACTION_CONTACT_ADMINISTRATOR,
    N_("Service check failed"),
    N_("A custom check of this service gave an answer the service could not use. Contact the "
       "administrator of the service.") },
  { CODE (KW_COGNITO_ERROR_INVALID_LAMBDA_RESPONSE), ANY_OPERATION,
    KW_USER_ACTION_CONTACT_ADMINISTRATOR,
    N_("Custom code failed"),
    N_("The user pool’s custom code (a Lambda trigger) gave an answer the user pool could not "
       "use. Whoever manages the user pool can look into the trigger.") },
  { CODE (KW_COGNITO_ERROR_USER_LAMBDA_VALIDATION), SELF_SERVICE,
    KW_USER_ACTION_CONTACT_ADMINISTRATOR,
    N_("Request refused"),
    N_("The service’s own rules refused the request. Contact the administrator of the service."),
    /* Translators: %s is the explanation the service's owner wrote, in their language. */
    .reason_body = N_("The service’s own rules refused the request: “%s”. If you need help, "
                      "contact the administrator of the service.") },
  { CODE (KW_COGNITO_ERROR_USER_LAMBDA_VALIDATION), ANY_OPERATION,
    KW_USER_ACTION_CONTACT_ADMINISTRATOR,
    N_("Refused by custom code"),
    N_("The user pool’s custom code (a Lambda trigger) refused the request. Whoever manages the "
       "user pool can explain why."),
    /* Translators: %s is the explanation the pool's owner wrote, in their language. */
    .reason_body = N_("The user pool’s custom code (a Lambda trigger) refused the request: "
                      "“%s”. Whoever manages the user pool can explain why.") },

  /* The service and the pool */
  { CODE (KW_COGNITO_ERROR_RESOURCE_NOT_FOUND), SELF_SERVICE,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Unknown user pool or app client"),
    N_("The user pool or app client of this connection is unknown in its region. Check the "
       "region and IDs in the connection settings, or ask whoever gave you the connection for a "
       "new one.") },
  { CODE (KW_COGNITO_ERROR_RESOURCE_NOT_FOUND), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Unknown user pool"),
    N_("The user pool of this connection is unknown in its region. Check the region and user "
       "pool ID in the connection settings.") },
  { CODE (KW_COGNITO_ERROR_OPERATION_NOT_ENABLED), SELF_SERVICE,
    KW_USER_ACTION_CONTACT_ADMINISTRATOR,
    N_("Password reset unavailable"),
    N_("This service does not offer password reset here; the connection may point at the wrong "
       "region. The administrator of the service can help.") },
  { CODE (KW_COGNITO_ERROR_OPERATION_NOT_ENABLED), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Not available in this region"),
    N_("The user pool does not allow this request in this region. If the pool is replicated to "
       "several regions, use its primary region in the connection settings.") },
  { CODE (KW_COGNITO_ERROR_FORBIDDEN), ANY_OPERATION, KW_USER_ACTION_CONTACT_ADMINISTRATOR,
    N_("Request blocked"),
    N_("The firewall of the service blocked this request. Try again later or from another "
       "network; if it keeps happening, contact the administrator of the service.") },
  { CODE (KW_COGNITO_ERROR_INTERNAL_ERROR), ANY_OPERATION, KW_USER_ACTION_RETRY,
    N_("Service problem"),
    N_("The service had an internal problem and could not finish the request. Try again in a "
       "moment.") },

  /* AWS credentials of signed calls */
  { CODE (KW_COGNITO_ERROR_INVALID_SIGNATURE) | CODE (KW_COGNITO_ERROR_EXPIRED_TOKEN),
    ANY_OPERATION, KW_USER_ACTION_RETRY,
    N_("Clock of this computer is wrong"),
    N_("AWS refused the request because the date and time of this computer are too far from "
       "the correct time. Turn on automatic date and time in the system settings, then try "
       "again."),
    .conditions = COND_CLOCK_HINT },
  { CODE (KW_COGNITO_ERROR_UNRECOGNIZED_CLIENT), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Access key not recognized"),
    N_("AWS does not recognize the access key of this connection, or its session token is not "
       "valid. Check the credentials in the connection settings.") },
  { CODE (KW_COGNITO_ERROR_INVALID_SIGNATURE), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Secret access key not accepted"),
    N_("The secret access key does not match the access key ID, or the clock of this computer "
       "is wrong. Check the secret access key in the connection settings and the system "
       "clock.") },
  { CODE (KW_COGNITO_ERROR_INCOMPLETE_SIGNATURE), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Credentials incomplete"),
    N_("AWS found the signature of the request incomplete, so the credentials of this "
       "connection may be damaged. Enter the access key ID and secret access key again in the "
       "connection settings.") },
  { CODE (KW_COGNITO_ERROR_MISSING_AUTHENTICATION_TOKEN), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Credentials missing"),
    N_("The request reached AWS without credentials, or at an address that does not serve user "
       "pools. Check the credentials and the endpoint in the connection settings.") },
  { CODE (KW_COGNITO_ERROR_EXPIRED_TOKEN), ANY_OPERATION, KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("AWS session expired"),
    N_("The session token of these temporary AWS credentials has expired. Refresh it, for "
       "example with “aws sso login” for an AWS SSO profile, or get new keys, then try "
       "again.") },

  /* The network and the answer */
  { CODE (KW_COGNITO_ERROR_NETWORK_UNREACHABLE), ANY_OPERATION, KW_USER_ACTION_RETRY,
    N_("No network"),
    N_("Keyway could not reach the service. Check that this computer is connected to the "
       "internet, then try again.") },
  { CODE (KW_COGNITO_ERROR_CONNECTION_REFUSED), ANY_OPERATION, KW_USER_ACTION_RETRY,
    N_("Connection refused"),
    N_("The server refused the connection. It may be down for a moment, or the endpoint in the "
       "connection settings may be wrong. Try again later.") },
  { CODE (KW_COGNITO_ERROR_CONNECTION_RESET), CONFIRM, KW_USER_ACTION_RETRY,
    N_("Connection interrupted"),
    N_("The connection broke before an answer arrived, so your password may or may not have "
       "changed. Try again; if the code is then refused, try signing in with the new "
       "password.") },
  { CODE (KW_COGNITO_ERROR_CONNECTION_RESET), ANY_OPERATION, KW_USER_ACTION_RETRY,
    N_("Connection interrupted"),
    N_("The connection to the service broke before an answer arrived. Try again.") },
  { CODE (KW_COGNITO_ERROR_DNS_FAILURE), ANY_OPERATION, KW_USER_ACTION_RETRY,
    N_("Server name unknown"),
    N_("The address of the service could not be looked up. Check the internet connection; if it "
       "works, the region or endpoint in the connection settings may be wrong.") },
  { CODE (KW_COGNITO_ERROR_TLS_FAILURE), ANY_OPERATION, KW_USER_ACTION_NONE,
    N_("Secure connection failed"),
    N_("The identity of the server could not be verified, so nothing was sent. Networks that "
       "inspect traffic, such as some public or company networks, can cause this; try another "
       "network.") },
  { CODE (KW_COGNITO_ERROR_TIMEOUT), FORGOT, KW_USER_ACTION_RETRY,
    N_("No answer"),
    N_("The service did not answer in time. A code may still arrive; if none does, try "
       "again.") },
  { CODE (KW_COGNITO_ERROR_TIMEOUT), CONFIRM, KW_USER_ACTION_RETRY,
    N_("No answer"),
    N_("The service did not answer in time, so your password may or may not have changed. Try "
       "again; if the code is then refused, try signing in with the new password.") },
  { CODE (KW_COGNITO_ERROR_TIMEOUT), ANY_OPERATION, KW_USER_ACTION_RETRY,
    N_("No answer"),
    N_("The service did not answer in time. Check the internet connection and try again.") },
  { CODE (KW_COGNITO_ERROR_SERVER_ERROR), ANY_OPERATION, KW_USER_ACTION_RETRY,
    N_("Service unavailable"),
    N_("The service is having problems right now. Try again in a few minutes.") },
  { CODE (KW_COGNITO_ERROR_INVALID_RESPONSE), ANY_OPERATION, KW_USER_ACTION_RETRY,
    N_("Unexpected answer"),
    N_("The service sent an answer Keyway could not understand. A sign-in page of this network, "
       "or a wrong endpoint in the connection settings, can cause this; try again.") },
  { CODE (KW_COGNITO_ERROR_RESPONSE_TOO_LARGE), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Answer too large"),
    N_("The service sent a far larger answer than expected, so Keyway stopped reading it. Check "
       "the endpoint in the connection settings.") },
  { CODE (KW_COGNITO_ERROR_UNKNOWN_ERROR), ANY_OPERATION, KW_USER_ACTION_RETRY,
    N_("Unexpected error"),
    N_("The service reported an error Keyway does not know. Try again; if it keeps happening, "
       "the technical details can help whoever looks after the service.") },

  /* Refused before sending */
  { CODE (KW_COGNITO_ERROR_INSECURE_ENDPOINT), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Unsafe server address"),
    N_("The server address of this connection is not secure, or no address is known for its "
       "region, so nothing was sent. Check the region and endpoint in the connection "
       "settings.") },
  { CODE (KW_COGNITO_ERROR_NO_CREDENTIALS), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("No AWS credentials"),
    N_("The AWS profile chosen in this connection has no access key, so nothing was sent. Add "
       "keys to the profile, or choose another profile in the connection settings."),
    .conditions = COND_PROFILE },
  { CODE (KW_COGNITO_ERROR_NO_CREDENTIALS), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("No AWS credentials"),
    N_("This connection takes its AWS credentials from the environment, but Keyway was started "
       "without them, so nothing was sent. Set them before starting Keyway, or store a key in "
       "the connection settings."),
    .conditions = COND_ENVIRONMENT },
  { CODE (KW_COGNITO_ERROR_NO_CREDENTIALS), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("No AWS credentials"),
    N_("No AWS access key is stored in the keyring for this connection, so nothing was sent. "
       "Enter the access key in the connection settings."),
    .conditions = COND_KEYRING },
  { CODE (KW_COGNITO_ERROR_NO_CREDENTIALS), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("No AWS credentials"),
    N_("This connection has no AWS credentials or no region to sign the request with, so "
       "nothing was sent. Add them in the connection settings.") },
};

static const Entry secret_entries[] = {
  { CODE (KW_SECRET_ERROR_UNAVAILABLE), ANY_OPERATION, KW_USER_ACTION_RETRY,
    N_("Keyring unavailable"),
    N_("Keyway could not reach the keyring that keeps the secrets of your connections. Make "
       "sure a keyring service such as GNOME Keyring is running, then try again.") },
  { CODE (KW_SECRET_ERROR_LOCKED), ANY_OPERATION, KW_USER_ACTION_RETRY,
    N_("Keyring locked"),
    N_("The keyring that keeps the secrets of your connections is locked. Try again and unlock "
       "it when asked.") },
  { CODE (KW_SECRET_ERROR_MALFORMED), ANY_OPERATION, KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Stored secret damaged"),
    N_("A secret stored in the keyring for this connection is damaged. Enter it again in the "
       "connection settings.") },
  { CODE (KW_SECRET_ERROR_FAILED), ANY_OPERATION, KW_USER_ACTION_RETRY,
    N_("Keyring problem"),
    N_("The keyring could not read or store a secret. Try again; if it keeps failing, log out "
       "and back in.") },
};

static const Entry connection_entries[] = {
  { CODE (KW_CONNECTION_ERROR_PARSE), ANY_OPERATION, KW_USER_ACTION_NONE,
    N_("Connection file damaged"),
    N_("The connection file is not in the expected format. The technical details name the line "
       "with the problem; ask whoever made the file for a new one.") },
  { CODE (KW_CONNECTION_ERROR_MISSING_KEY), ANY_OPERATION, KW_USER_ACTION_NONE,
    N_("Connection incomplete"),
    N_("The connection lacks a setting it needs, which the technical details name. Ask whoever "
       "made the connection for a complete one.") },
  { CODE (KW_CONNECTION_ERROR_INVALID_VALUE), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Connection setting not valid"),
    N_("A setting of this connection is not valid; the technical details name the setting and "
       "the rule it breaks. Correct it in the connection settings.") },
  { CODE (KW_CONNECTION_ERROR_NOT_FOUND), ANY_OPERATION, KW_USER_ACTION_NONE,
    N_("Connection removed"),
    N_("This connection no longer exists; it may have been removed in another window. Choose "
       "another connection.") },
  { CODE (KW_CONNECTION_ERROR_EXISTS), ANY_OPERATION, KW_USER_ACTION_NONE,
    N_("Connection already added"),
    N_("A connection with the same ID is already there. Replace it, or keep the one you "
       "have.") },
  { CODE (KW_CONNECTION_ERROR_READ_ONLY), ANY_OPERATION, KW_USER_ACTION_NONE,
    N_("Connection cannot be changed"),
    N_("This connection was set up for everyone on this computer and cannot be changed or "
       "removed here. Ask the administrator of this computer to change it.") },
  { CODE (KW_CONNECTION_ERROR_IO), ANY_OPERATION, KW_USER_ACTION_RETRY,
    N_("Connections could not be saved or read"),
    N_("A connection file could not be read or written. Check that your home folder has free "
       "space, then try again.") },
  { CODE (KW_CONNECTION_ERROR_SECRET_MISSING), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Client secret needed"),
    N_("This connection needs a client secret, and none is stored. Enter the client secret in "
       "the connection settings.") },
  { CODE (KW_CONNECTION_ERROR_CREDENTIALS_MISSING), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("No AWS credentials"),
    N_("The AWS profile chosen in this connection has no access key. Add keys to the profile, "
       "or choose another profile in the connection settings."),
    .conditions = COND_PROFILE },
  { CODE (KW_CONNECTION_ERROR_CREDENTIALS_MISSING), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("No AWS credentials"),
    N_("This connection takes its AWS credentials from the environment, but Keyway was started "
       "without them. Set them before starting Keyway, or store a key in the connection "
       "settings."),
    .conditions = COND_ENVIRONMENT },
  { CODE (KW_CONNECTION_ERROR_CREDENTIALS_MISSING), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("No AWS credentials"),
    N_("No AWS access key is stored in the keyring for this connection. Enter the access key in "
       "the connection settings."),
    .conditions = COND_KEYRING },
  { CODE (KW_CONNECTION_ERROR_CREDENTIALS_MISSING), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("No AWS credentials"),
    N_("Helpdesk work needs AWS credentials, and this connection has none. Add them in the "
       "connection settings.") },
};

static const Entry aws_config_entries[] = {
  { CODE (KW_AWS_CONFIG_ERROR_PARSE), ANY_OPERATION, KW_USER_ACTION_NONE,
    N_("AWS configuration damaged"),
    N_("A file of your AWS configuration is not in the expected format. The technical details "
       "name the file and line to correct.") },
  { CODE (KW_AWS_CONFIG_ERROR_PROFILE_NOT_FOUND), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("AWS profile missing"),
    N_("The AWS profile chosen in this connection is in none of your AWS configuration files. "
       "Choose another profile in the connection settings.") },
  { CODE (KW_AWS_CONFIG_ERROR_INCOMPLETE), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("AWS credentials incomplete"),
    N_("The AWS profile has an access key ID without its secret access key, or the other way "
       "round. Complete the profile, or choose another one in the connection settings.") },
  { CODE (KW_AWS_CONFIG_ERROR_UNSUPPORTED), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("AWS profile not supported"),
    N_("The AWS profile gets its credentials in a way Keyway does not support, such as assuming "
       "a role or single sign-on. Choose a profile with an access key, or store a key in the "
       "connection settings.") },
  { CODE (KW_AWS_CONFIG_ERROR_NO_REGION), ANY_OPERATION, KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("No region"),
    N_("Neither this connection nor its AWS profile names a region. Choose a region in the "
       "connection settings.") },
  { CODE (KW_AWS_CONFIG_ERROR_INVALID_REGION), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Unknown region"),
    N_("The region set for this connection is not a valid region name. Correct it in the "
       "connection settings or in the AWS profile.") },
  { CODE (KW_AWS_CONFIG_ERROR_INVALID_ENDPOINT), ANY_OPERATION,
    KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
    N_("Endpoint not valid"),
    N_("The endpoint in your AWS configuration is not a valid secure address; unencrypted "
       "addresses are allowed only on this computer. Correct the endpoint, or remove it.") },
  { CODE (KW_AWS_CONFIG_ERROR_READ), ANY_OPERATION, KW_USER_ACTION_NONE,
    N_("AWS configuration not readable"),
    N_("A file of your AWS configuration exists but could not be read. Check that you may read "
       "it; the technical details name the file.") },
};

static const Entry recovery_entries[] = {
  { CODE (KW_RECOVERY_ERROR_BUSY), ANY_OPERATION, KW_USER_ACTION_NONE,
    N_("Still working"),
    N_("The previous request has not finished yet. Wait for it, then try again.") },
  { CODE (KW_RECOVERY_ERROR_WRONG_STATE), ANY_OPERATION, KW_USER_ACTION_RESEND_CODE,
    N_("Request a code first"),
    N_("A new password can be set only with a code sent for it. Request a code, then enter "
       "it.") },
  { CODE (KW_RECOVERY_ERROR_COOLDOWN), ANY_OPERATION, KW_USER_ACTION_NONE,
    N_("Code sent moments ago"),
    N_("A code was sent only moments ago and may still be on its way. You can request another "
       "once the countdown ends.") },
  { CODE (KW_RECOVERY_ERROR_NO_USERNAME), ANY_OPERATION, KW_USER_ACTION_EDIT_USERNAME,
    N_("Username needed"),
    N_("Enter your username first.") },
};

static const Entry io_entries[] = {
  { CODE (G_IO_ERROR_CANCELLED), ANY_OPERATION, KW_USER_ACTION_NONE,
    N_("Cancelled"),
    N_("The request was cancelled.") },
};
