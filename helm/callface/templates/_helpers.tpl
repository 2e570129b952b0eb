{{/* Chart name. */}}
{{- define "callface.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name: <release>-callface, or the release name when it already contains the chart name. */}}
{{- define "callface.fullname" -}}
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

{{- define "callface.avatarStream.fullname" -}}
{{- printf "%s-avatar-stream" (include "callface.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "callface.trainer.fullname" -}}
{{- printf "%s-trainer" (include "callface.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "callface.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "callface.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "callface.avatarStream.selectorLabels" -}}
app.kubernetes.io/name: {{ include "callface.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: avatar-stream
{{- end }}

{{/* CALLFACE_<KEY upper-cased, dots as underscores>: the variable EnvironmentSettings maps back to the key. */}}
{{- define "callface.envName" -}}
{{- printf "CALLFACE_%s" (. | upper | replace "." "_") }}
{{- end }}

{{- define "callface.avatarStream.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag }}
{{- if .Values.gpu.enabled }}
{{- $tag = default (printf "%s%s" $tag .Values.image.cudaTagSuffix) .Values.image.cudaTag }}
{{- end }}
{{- printf "%s:%s" .Values.image.repository $tag }}
{{- end }}

{{- define "callface.kafkaSecretName" -}}
{{- if .Values.kafkaSecret.existingSecret }}
{{- .Values.kafkaSecret.existingSecret }}
{{- else if .Values.kafkaSecret.create }}
{{- printf "%s-kafka" (include "callface.fullname" .) }}
{{- end }}
{{- end }}

{{- define "callface.modelsClaim" -}}
{{- default (printf "%s-models" (include "callface.fullname" .)) .Values.models.persistence.existingClaim }}
{{- end }}

{{- define "callface.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "callface.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}
