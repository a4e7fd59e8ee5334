import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import { useEffect, useRef, useState } from 'react';
import { useMapTiles, useTileLayer } from '../../shared/map/tiles';
import './gridEditor.css';

export interface EditorGrid {
  id: string;
  code: string;
  boundary: unknown;
}

export type Geometry = { type: string; coordinates: unknown };

interface Props {
  /** The community's grids other than the one being drawn or edited: shown, not editable. */
  neighbours: readonly EditorGrid[];
  /** The boundary being edited, or null while a new one is drawn or nothing is chosen. */
  draft: Geometry | null;
  /** Changes when another boundary is to be edited, so that the map lays it out afresh. */
  draftKey: string;
  /** True while the administrator draws a new grid by clicking its corners on the map. */
  drawing: boolean;
  /** A corner moved (`drawn` false), or a new boundary was finished (`drawn` true). */
  onChange: (geometry: Geometry, drawn: boolean) => void;
  label: string;
  /** What a screen reader says for a corner's handle. */
  cornerLabel: string;
}

const DEFAULT_VIEW: L.LatLngTuple = [35, 105];

/**
 * The grid editor's map: neighbouring grids in grey with their codes, the grid being edited in
 * red with handles on its corners (drag one to move it, click a middle handle to add one), and a
 * new grid drawn corner by corner, finished by clicking its first corner again (Geoman).
 */
export function GridEditorMap({ neighbours, draft, draftKey, drawing, onChange, label, cornerLabel }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const change = useRef(onChange);
  change.current = onChange;
  const corner = useRef(cornerLabel);
  corner.current = cornerLabel;
  useTileLayer(map, useMapTiles());

  useEffect(() => {
    if (!element.current) return undefined;
    const created = L.map(element.current, { zoomControl: true }).setView(DEFAULT_VIEW, 4);
    created.pm.setGlobalOptions({ snappable: true, snapDistance: 10, allowSelfIntersection: false });
    created.on('pm:create', (event) => {
      const layer = event.layer as L.Polygon;
      const geometry = layer.toGeoJSON().geometry as Geometry;
      layer.remove();
      change.current(geometry, true);
    });
    setMap(created);
    // Geoman's corner handles are buttons without a name: name each as it appears
    const naming = new MutationObserver(() => {
      created.getContainer().querySelectorAll('.marker-icon:not([aria-label])').forEach((handle) => {
        handle.setAttribute('aria-label', corner.current);
      });
    });
    naming.observe(created.getContainer(), { childList: true, subtree: true });
    return () => {
      naming.disconnect();
      created.remove();
      setMap(null);
    };
  }, []);

  useEffect(() => {
    if (!map) return undefined;
    const layer = L.geoJSON(neighbours.map((g) => g.boundary) as unknown as GeoJSON.GeoJsonObject[], {
      style: { color: '#555', weight: 2, dashArray: '6 4', fillOpacity: 0.08 },
      pmIgnore: false,
    } as L.GeoJSONOptions);
    layer.eachLayer((l) => l.options && ((l.options as { snapIgnore?: boolean }).snapIgnore = false));
    layer.addTo(map);
    neighbours.forEach((grid) => {
      const bounds = L.geoJSON(grid.boundary as GeoJSON.GeoJsonObject).getBounds();
      L.marker(bounds.getCenter(), {
        icon: L.divIcon({ className: 'grid-label', html: escape(grid.code) }),
        interactive: false,
        pmIgnore: true,
      } as L.MarkerOptions).addTo(layer);
    });
    return () => void layer.remove();
  }, [map, neighbours]);

  // the draft is laid out afresh only when another boundary is chosen, not after each drag of a corner
  useEffect(() => {
    if (!map || !draft) return undefined;
    const layer = L.geoJSON(draft as unknown as GeoJSON.GeoJsonObject, {
      style: { color: '#9e1b1b', weight: 3, fillOpacity: 0.15 },
    }).addTo(map);
    const polygons = layer.getLayers() as L.Polygon[];
    polygons.forEach((polygon) => {
      polygon.pm.enable({ allowSelfIntersection: false });
      polygon.on('pm:edit', () => change.current(geometryOf(polygons), false));
    });
    return () => void layer.remove();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, draftKey]);

  useEffect(() => {
    if (!map) return;
    const all = [...neighbours.map((g) => g.boundary), ...(draft ? [draft] : [])];
    if (all.length === 0) return;
    const bounds = L.geoJSON(all as unknown as GeoJSON.GeoJsonObject[]).getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 17 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, draftKey, neighbours.length]);

  useEffect(() => {
    if (!map) return undefined;
    if (drawing) map.pm.enableDraw('Polygon', { snappable: true, allowSelfIntersection: false });
    return () => {
      if (map.pm.globalDrawModeEnabled()) map.pm.disableDraw();
    };
  }, [map, drawing]);

  return <div ref={element} className="grid-editor-map" role="region" aria-label={label} data-testid="grid-editor-map" />;
}

/** One polygon as a Polygon, several (a grid in parts) as a MultiPolygon. */
function geometryOf(polygons: L.Polygon[]): Geometry {
  const parts = polygons.map((p) => (p.toGeoJSON().geometry as GeoJSON.Polygon).coordinates);
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
