{{/* Names, labels and the values several templates share. */}}

{{- define "ccspm.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The prefix of every object name; the release name alone when it already says ccspm. */}}
{{- define "ccspm.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "ccspm.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "ccspm.labels" -}}
helm.sh/chart: {{ include "ccspm.chart" . }}
{{ include "ccspm.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "ccspm.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ccspm.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Per-component names: "webhook" or "controller" appended to the fullname. */}}
{{- define "ccspm.webhook.fullname" -}}
{{- printf "%s-webhook" (include "ccspm.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "ccspm.controller.fullname" -}}
{{- printf "%s-controller" (include "ccspm.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "ccspm.webhook.tlsSecretName" -}}
{{- printf "%s-tls" (include "ccspm.webhook.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "ccspm.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* The user the controller's writes come as: the webhook lets them through unevaluated. */}}
{{- define "ccspm.controller.username" -}}
{{- printf "system:serviceaccount:%s:%s"
      .Release.Namespace (include "ccspm.controller.fullname" .) }}
{{- end }}

{{/* Namespaces neither component looks at: kube-system, the release namespace, then the
     value's list, without repeats. A JSON list. */}}
{{- define "ccspm.excludedNamespaces" -}}
{{- concat (list "kube-system" .Release.Namespace) .Values.excludedNamespaces | uniq | toJson }}
{{- end }}

{{/* The webhook's serving certificate, made once per render and shared by the Secret, the
     webhook configurations and the Deployment's rollout annotation. An existing Secret is
     reused, so an upgrade changes neither the certificate nor the caBundle. Only for
     certificate.source=helm. A JSON object {ca, crt, key}, PEM text. */}}
{{- define "ccspm.webhook.servingCert" -}}
{{- if not (hasKey . "ccspmServingCert") }}
{{- $secret := lookup "v1" "Secret" .Release.Namespace (include "ccspm.webhook.tlsSecretName" .) }}
{{- $data := dict }}
{{- if $secret }}{{- $data = $secret.data | default dict }}{{- end }}
{{- $pem := dict }}
{{- if and (hasKey $data "ca.crt") (hasKey $data "tls.crt") (hasKey $data "tls.key") }}
{{- $pem = dict "ca" (index $data "ca.crt" | b64dec)
                "crt" (index $data "tls.crt" | b64dec)
                "key" (index $data "tls.key" | b64dec) }}
{{- else }}
{{- $service := include "ccspm.webhook.fullname" . }}
{{- $namespace := .Release.Namespace }}
{{- $days := int .Values.webhook.certificate.validityDays }}
{{- $names := list $service
      (printf "%s.%s" $service $namespace)
      (printf "%s.%s.svc" $service $namespace)
      (printf "%s.%s.svc.%s" $service $namespace .Values.clusterDomain) }}
{{- $ca := genCA (printf "%s-ca" $service) $days }}
{{- $cert := genSignedCert (printf "%s.%s.svc" $service $namespace) nil $names $days $ca }}
{{- $pem = dict "ca" $ca.Cert "crt" $cert.Cert "key" $cert.Key }}
{{- end }}
{{- $_ := set . "ccspmServingCert" $pem }}
{{- end }}
{{- toJson (get . "ccspmServingCert") }}
{{- end }}

{{- define "ccspm.certManager.certificateName" -}}
{{- include "ccspm.webhook.fullname" . }}
{{- end }}
