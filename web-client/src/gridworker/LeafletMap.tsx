import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef, useState } from 'react';
import { useMapTiles, useTileLayer } from '../shared/map/tiles';
import { type MapPatroller, isStale } from './livePatrollers';
import './liveMap.css';

export interface MapGrid {
  id: string;
  code: string;
  boundary: unknown;
  center: { longitude: number; latitude: number };
}

/** An incident's place on the map, e.g. a case's reported position. */
export interface MapIncident {
  id: string;
  longitude: number;
  latitude: number;
  label: string;
}

interface Props {
  grids: readonly MapGrid[];
  patrollers: readonly MapPatroller[];
  now: number;
  label: string;
  incidents?: readonly MapIncident[];
  className?: string;
}

const NO_INCIDENTS: readonly MapIncident[] = [];

/** Grid polygons and patroller markers with name labels; stale patrollers greyed; incidents as red squares. */
export function LeafletMap({ grids, patrollers, now, label, incidents = NO_INCIDENTS, className }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const markers = useRef<L.LayerGroup | null>(null);
  const [shown, setShown] = useState<L.Map | null>(null);
  // the street map the server configures, under the data; without it (or offline) the data alone
  useTileLayer(shown, useMapTiles());

  useEffect(() => {
    if (!element.current || map.current) return undefined;
    const created = L.map(element.current, { zoomControl: true });
    markers.current = L.layerGroup().addTo(created);
    map.current = created;
    setShown(created);
    return () => {
      created.remove();
      map.current = null;
      setShown(null);
    };
  }, []);

  useEffect(() => {
    const current = map.current;
    if (!current || grids.length === 0) return undefined;
    const layer = L.geoJSON(grids.map((g) => g.boundary) as unknown as GeoJSON.GeoJsonObject[], {
      style: { color: '#9e1b1b', weight: 2, fillOpacity: 0.05 },
    }).addTo(current);
    grids.forEach((grid) =>
      L.marker([grid.center.latitude, grid.center.longitude], {
        icon: L.divIcon({ className: 'grid-label', html: escape(grid.code) }),
        interactive: false,
      }).addTo(layer),
    );
    current.fitBounds(layer.getBounds(), { padding: [12, 12] });
    return () => void layer.remove();
  }, [grids]);

  useEffect(() => {
    const group = markers.current;
    if (!group) return;
    group.clearLayers();
    patrollers.forEach((p) => {
      const stale = isStale(p, now);
      L.circleMarker([p.latitude, p.longitude], {
        radius: 9,
        color: stale ? '#777' : '#0b3d91',
        fillColor: stale ? '#bbb' : '#1a56db',
        fillOpacity: 0.9,
        className: stale ? 'patroller-stale' : 'patroller-live',
      })
        .bindTooltip(escape(p.name), { permanent: true, direction: 'right', className: stale ? 'label-stale' : 'label-live' })
        .addTo(group);
    });
    incidents.forEach((incident) => {
      L.marker([incident.latitude, incident.longitude], {
        icon: L.divIcon({ className: 'incident-marker', html: '!', iconSize: [28, 28] }),
        title: incident.label,
        keyboard: false,
      })
        .bindTooltip(escape(incident.label), { direction: 'top' })
        .addTo(group);
    });
    if (grids.length === 0 && incidents.length > 0 && map.current) {
      map.current.setView([incidents[0].latitude, incidents[0].longitude], 17);
    }
  }, [patrollers, now, incidents, grids.length]);

  // a named region, not an image: the map holds its own controls (zoom), which an image may not
  return <div ref={element} className={`live-map ${className ?? ''}`} role="region" aria-label={label} data-testid="live-map" />;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
